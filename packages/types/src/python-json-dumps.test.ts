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
