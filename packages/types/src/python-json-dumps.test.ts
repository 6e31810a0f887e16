import { describe, expect, it } from 'vitest'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { pythonJSONDumps } from './python-json-dumps.js'

describe('pythonJSONDumps', () => {
  it("uses Python's separators and keeps non-ASCII", () => {
    expect(pythonJSONDumps(['c1', 'c2'])).toBe('["c1", "c2"]')
    expect(pythonJSONDumps({ name: 'A', age: 1, tags: [], extra: {} })).toBe('{"name": "A", "age": 1, "tags": [], "extra": {}}')
    expect(pythonJSONDumps({ text: 'héllo 🙂 "q"\n' })).toBe('{"text": "héllo 🙂 \\"q\\"\\n"}')
  })

  it('prints numbers as Python does', () => {
    expect(pythonJSONDumps([0.5, 1e-5, 2.5e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(
      '[0.5, 1e-05, 2.5e-07, NaN, Infinity, -Infinity]',
    )
    expect(pythonJSONDumps({ a: 1, b: [2], c: 1e16 }, { floatPaths: new Set(['/a', '/b/0', '/c']) })).toBe('{"a": 1.0, "b": [2.0], "c": 1e+16}')
  })

  it('indents like json.dumps(indent=2)', () => {
    expect(pythonJSONDumps({ answer: 'x', n: [1, 2], empty: [] }, { indent: 2 })).toBe(
      '{\n  "answer": "x",\n  "n": [\n    1,\n    2\n  ],\n  "empty": []\n}',
    )
  })

  it('writes null for null and undefined items, drops undefined properties, and uses toJSON', () => {
    expect(pythonJSONDumps([null, undefined, true, false])).toBe('[null, null, true, false]')
    expect(pythonJSONDumps({ a: undefined, b: 1 })).toBe('{"b": 1}')
    expect(pythonJSONDumps({ when: { toJSON: () => 'then' } })).toBe('{"when": "then"}')
  })

  it('refuses values JSON cannot express', () => {
    expect(() => pythonJSONDumps({ run: () => 1 })).toThrow(ValueSerializationError)
    expect(() => pythonJSONDumps(Symbol('s'))).toThrow('is not JSON serializable')
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

describe('pythonJSONDumps on values too deep to write', () => {
  it('writes 1,000 levels and refuses more (or a value holding itself), toJSON results counted', () => {
    expect(pythonJSONDumps(nestedList(1000))).toBe(`${'['.repeat(1000)}1${']'.repeat(1000)}`)
    const endless = { toJSON: (): unknown => endless }
    for (const value of [nestedList(100_000), selfHolding(), endless]) {
      expect(serializationError(() => pythonJSONDumps(value)).code).toBe('value-serialization-too-deep')
    }
    expect(serializationError(() => pythonJSONDumps(nestedList(100_000), { floatPaths: new Set(['/0']) })).path.startsWith('/0/0')).toBe(true)
  })

  it('refuses a function with the unsupported code, naming where it is', () => {
    const error = serializationError(() => pythonJSONDumps({ run: () => 1 }, { floatPaths: new Set(['/x']) }))
    expect(error).toMatchObject({ code: 'value-serialization-unsupported', path: '/run' })
  })
})
