import { describe, expect, it } from 'vitest'
import { pythonJsonDumps } from './python-json-dumps.js'

describe('pythonJsonDumps', () => {
  it("uses Python's separators and keeps non-ASCII", () => {
    expect(pythonJsonDumps(['c1', 'c2'])).toBe('["c1", "c2"]')
    expect(pythonJsonDumps({ name: 'A', age: 1, tags: [], extra: {} })).toBe('{"name": "A", "age": 1, "tags": [], "extra": {}}')
    expect(pythonJsonDumps({ text: 'héllo 🙂 "q"\n' })).toBe('{"text": "héllo 🙂 \\"q\\"\\n"}')
  })

  it('prints numbers as Python does', () => {
    expect(pythonJsonDumps([0.5, 1e-5, 2.5e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(
      '[0.5, 1e-05, 2.5e-07, NaN, Infinity, -Infinity]',
    )
    expect(pythonJsonDumps({ a: 1, b: [2], c: 1e16 }, { floatPaths: new Set(['/a', '/b/0', '/c']) })).toBe('{"a": 1.0, "b": [2.0], "c": 1e+16}')
  })

  it('indents like json.dumps(indent=2)', () => {
    expect(pythonJsonDumps({ answer: 'x', n: [1, 2], empty: [] }, { indent: 2 })).toBe(
      '{\n  "answer": "x",\n  "n": [\n    1,\n    2\n  ],\n  "empty": []\n}',
    )
  })

  it('writes null for null and undefined items, drops undefined properties, and uses toJSON', () => {
    expect(pythonJsonDumps([null, undefined, true, false])).toBe('[null, null, true, false]')
    expect(pythonJsonDumps({ a: undefined, b: 1 })).toBe('{"b": 1}')
    expect(pythonJsonDumps({ when: { toJSON: () => 'then' } })).toBe('{"when": "then"}')
  })

  it('refuses values JSON cannot express', () => {
    expect(() => pythonJsonDumps({ run: () => 1 })).toThrow(TypeError)
    expect(() => pythonJsonDumps(Symbol('s'))).toThrow('is not JSON serializable')
  })
})
