import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { ValueParseError } from './value-parse-error.js'
import { ValueValidationError } from './value-validation-error.js'

describe('ValueParseError', () => {
  it('keeps the raw text, the type name and the validation error', () => {
    const cause = new ValueValidationError({ typeName: 'int', issues: [{ path: '', expected: 'int', got: "'x' (string)" }] })
    const error = new ValueParseError({ message: cause.message, code: 'value-parse', value: 'x', text: 'x', typeName: 'int', cause })
    expect(error.code).toBe('value-parse')
    expect(error.value).toBe('x')
    expect(error.text).toBe('x')
    expect(error.typeName).toBe('int')
    expect(error.cause).toBe(cause)
    expect(error).toBeInstanceOf(DSPexError)
    expect(ValueParseError.isInstance(error)).toBe(true)
    expect(ValueValidationError.isInstance(error)).toBe(false)
  })

  it('has a code of its own for text nested too deep to read', () => {
    const error = new ValueParseError({ message: 'Too deep.', code: 'value-parse-too-deep', value: '[[[', text: '[[[', typeName: 'Any' })
    expect(error.code).toBe('value-parse-too-deep')
  })
})
