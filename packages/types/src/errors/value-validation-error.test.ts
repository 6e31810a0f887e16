import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { ValueValidationError } from './value-validation-error.js'

describe('ValueValidationError', () => {
  it('lists every issue in its message, the value itself without a path', () => {
    const error = new ValueValidationError({
      typeName: 'list[Person]',
      issues: [
        { path: '/0/age', expected: 'int', got: "'abc' (string)" },
        { path: '', expected: 'list[Person]', got: 'null' },
      ],
    })
    expect(error.message).toBe("2 validation errors for list[Person]\n/0/age: expected int, got 'abc' (string)\nexpected list[Person], got null")
    expect(error.code).toBe('value-validation')
    expect(error.typeName).toBe('list[Person]')
    expect(error.issues).toHaveLength(2)
    expect(error).toBeInstanceOf(DSPexError)
    expect(ValueValidationError.isInstance(error)).toBe(true)
  })
  it('says "1 validation error" for one issue', () => {
    const error = new ValueValidationError({ typeName: 'int', issues: [{ path: '', expected: 'int', got: "'x' (string)" }] })
    expect(error.message).toBe("1 validation error for int\nexpected int, got 'x' (string)")
  })
})

describe('ValueValidationError with issues left out', () => {
  it('counts them in its message', () => {
    const error = new ValueValidationError({
      typeName: 'list[int]',
      issues: [{ path: '/0', expected: 'int', got: "'x' (string)" }],
      omittedIssues: 4,
    })
    expect(error.message).toBe("5 validation errors for list[int]\n/0: expected int, got 'x' (string)\n... and 4 more")
    expect(error.omittedIssues).toBe(4)
    expect(new ValueValidationError({ typeName: 'int', issues: [] }).omittedIssues).toBe(0)
  })
})
