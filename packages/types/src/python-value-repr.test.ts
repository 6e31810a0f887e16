import { describe, expect, it } from 'vitest'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { pythonValueRepr } from './python-value-repr.js'

describe('pythonValueRepr', () => {
  it('prints scalars as Python does', () => {
    expect(pythonValueRepr(null)).toBe('None')
    expect(pythonValueRepr(undefined)).toBe('None')
    expect(pythonValueRepr(true)).toBe('True')
    expect(pythonValueRepr(3)).toBe('3')
    expect(pythonValueRepr(1.5)).toBe('1.5')
    expect(pythonValueRepr(1e-5)).toBe('1e-05')
    expect(pythonValueRepr("it's")).toBe(`"it's"`)
    expect(pythonValueRepr('a')).toBe("'a'")
    expect(pythonValueRepr(12n)).toBe('12')
  })
  it('prints lists, dicts and sets', () => {
    expect(pythonValueRepr([1, 'a', null, [true]])).toBe("[1, 'a', None, [True]]")
    expect(pythonValueRepr({ a: 1, 'b c': ['x'] })).toBe("{'a': 1, 'b c': ['x']}")
    expect(pythonValueRepr({})).toBe('{}')
    expect(pythonValueRepr(new Set([1, 2]))).toBe('{1, 2}')
    expect(pythonValueRepr(new Set())).toBe('set()')
  })
})

describe('pythonValueRepr of nested and typed values', () => {
  it('prints JSON-like values as Python does', () => {
    expect(pythonValueRepr({ a: [1, 2.5, true, null], "it's": 'say "hi"', n: {} })).toBe(`{'a': [1, 2.5, True, None], "it's": 'say "hi"', 'n': {}}`)
    expect(pythonValueRepr(undefined)).toBe('None')
    expect(pythonValueRepr(10n)).toBe('10')
  })

  it('leaves out undefined properties, as they do not exist in Python', () => {
    expect(pythonValueRepr({ a: 1, b: undefined })).toBe("{'a': 1}")
  })

  it('uses the repr() of a nested special value', () => {
    expect(pythonValueRepr([{ x: { repr: () => 'Image(url=...)' } }])).toBe("[{'x': Image(url=...)}]")
  })

  it('names functions', () => {
    expect(pythonValueRepr(function search() {})).toBe('<function search>')
    expect(pythonValueRepr(() => 1)).toBe('<function <lambda>>')
  })
})

describe('pythonValueRepr with a type', () => {
  it('prints integral numbers as floats where the type says float', () => {
    expect(pythonValueRepr([1, 2], { kind: 'list', items: { kind: 'float' }, unique: false })).toBe('[1.0, 2.0]')
    expect(pythonValueRepr(1, { kind: 'int' })).toBe('1')
  })
})

/** A value `depth` levels deep: `[[...[1]...]]`. */
function nestedList(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}

/** An array that holds itself. */
function selfHolding(): unknown[] {
  const value: unknown[] = []
  value.push(value)
  return value
}

/** The error `action` throws, which must be a ValueSerializationError. */
function serializationError(action: () => unknown): ValueSerializationError {
  try {
    action()
  } catch (error) {
    if (ValueSerializationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ValueSerializationError')
}

describe('pythonValueRepr on values too deep to print', () => {
  it('prints 1,000 levels and refuses more (or a value holding itself) with a typed error', () => {
    expect(pythonValueRepr(nestedList(1000))).toBe(`${'['.repeat(1000)}1${']'.repeat(1000)}`)
    for (const value of [nestedList(1001), nestedList(100_000), selfHolding(), { a: selfHolding() }, new Set([nestedList(100_000)])]) {
      expect(serializationError(() => pythonValueRepr(value)).code).toBe('value-serialization-too-deep')
    }
  })

  it("counts the levels inside a nested value's own repr()", () => {
    const wrapper = (inner: unknown) => ({ repr: () => `W(${pythonValueRepr(inner)})` })
    let value: unknown = 1
    for (let level = 0; level < 2000; level += 1) value = wrapper([value])
    expect(serializationError(() => pythonValueRepr(value)).code).toBe('value-serialization-too-deep')
    expect(pythonValueRepr([1])).toBe('[1]')
  })
})
