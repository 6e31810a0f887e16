import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { ValueValidationError } from './errors/value-validation-error.js'
import { specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'
import { validateValue } from './validate-value.js'

const Address = t.model('Address', { street: t.string(), city: t.string() })
const Person = t.model('Person', {
  name: t.string(),
  age: t.integer(),
  address: t.withDefault(t.union([Address, t.none()], 'pep604'), null),
})

function failure(schema: Parameters<typeof validateValue>[0], value: unknown): ValueValidationError {
  try {
    validateValue(schema, value)
  } catch (error) {
    if (ValueValidationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ValueValidationError')
}

describe('validateValue', () => {
  it('returns the value itself when it fits, converting nothing', () => {
    const value = { name: 'Ada', age: 36, extra: true }
    expect(validateValue(Person, value)).toBe(value)
    expect(validateValue(t.list(t.integer()), [1, 2])).toEqual([1, 2])
    expect(() => validateValue(t.integer(), '3')).toThrow(ValueValidationError)
  })

  it('validates the same schema many times (compiled once)', () => {
    const schema = t.list(t.string())
    for (let index = 0; index < 3; index += 1) expect(validateValue(schema, ['a'])).toEqual(['a'])
    expect(() => validateValue(schema, [1])).toThrow(ValueValidationError)
  })

  it('tolerates the x-dspy metadata on enums, pep604 unions and special types', () => {
    const Color = t.enum('Color', { RED: 'red' })
    expect(validateValue(Color, 'red')).toBe('red')
    expect(validateValue(t.union([t.integer(), t.string()], 'pep604'), 'x')).toBe('x')
    expect(validateValue(specialTypeSchema('Image'), { url: 'u' })).toEqual({ url: 'u' })
    expect(failure(Color, 'purple').issues).toEqual([{ path: '', expected: 'Color', got: "'purple' (string)" }])
  })

  it('lists every issue with its path, the Python type and what was found', () => {
    const error = failure(t.list(Person), [{ age: 1.5 }, 3])
    expect(error.typeName).toBe('list[Person]')
    expect(error.issues).toEqual([
      { path: '/0/name', expected: 'str', got: 'nothing (missing)' },
      { path: '/0/age', expected: 'int', got: '1.5 (number)' },
      { path: '/1', expected: 'Person', got: '3 (number)' },
    ])
    expect(error.message).toBe(
      [
        '3 validation errors for list[Person]',
        '/0/name: expected str, got nothing (missing)',
        '/0/age: expected int, got 1.5 (number)',
        '/1: expected Person, got 3 (number)',
      ].join('\n'),
    )
    expect(error.code).toBe('value-validation')
  })

  it('reports the inner issues of an Optional given something else than null', () => {
    expect(validateValue(Person, { name: 'A', age: 1, address: null })).toMatchObject({ address: null })
    expect(failure(Person, { name: 'A', age: 1, address: { street: 'x' } }).issues).toEqual([
      { path: '/address/city', expected: 'str', got: 'nothing (missing)' },
    ])
    expect(failure(t.optional(t.integer()), 'x').issues).toEqual([{ path: '', expected: 'int', got: "'x' (string)" }])
  })

  it('reports a general union or a Literal as one issue', () => {
    expect(failure(t.union([t.integer(), t.string()]), [1]).issues).toEqual([{ path: '', expected: 'Union[int, str]', got: 'array of 1 item' }])
    expect(failure(t.literal('a', 'b'), 'c').issues).toEqual([{ path: '', expected: "Literal['a', 'b']", got: "'c' (string)" }])
    expect(failure(t.list(t.union([t.integer(), t.none()])), [1, 'x']).issues).toEqual([{ path: '/1', expected: 'int', got: "'x' (string)" }])
  })

  it('names the broken constraint', () => {
    expect(failure(t.set(t.integer()), [1, 1]).issues).toEqual([
      { path: '', expected: 'set[int] (must not have duplicate items)', got: 'array of 2 items' },
    ])
    expect(failure(Type.String({ minLength: 3 }), 'ab').issues[0]?.expected).toMatch(/^str \(.+3.+\)$/)
  })

  it('reports unknown properties of a closed object', () => {
    const Closed = Type.Object({ a: Type.Integer() }, { additionalProperties: false, title: 'Closed' })
    expect(failure(Closed, { a: 1, 'b/c': 2 }).issues).toEqual([{ path: '/b~1c', expected: 'no property "b/c" in Closed', got: '2 (number)' }])
  })

  it('escapes JSON-pointer paths and falls back to plain names for schemas DSPy has no type for', () => {
    expect(failure(t.dict(t.integer()), { 'a/b': 'x' }).issues).toEqual([{ path: '/a~1b', expected: 'int', got: "'x' (string)" }])
    const WithBigInt = Type.Object({ n: Type.BigInt() }, { title: 'Big' })
    expect(failure(WithBigInt, { n: 1 }).issues).toEqual([{ path: '/n', expected: 'bigint', got: '1 (number)' }])
  })
})
