import { describe, expect, it } from 'vitest'
import { StateSaveError } from './errors/state-save-error.js'
import { Example } from './example.js'
import { dependencyVersions, formatNumber, formatStateJSON } from './state-json.js'

describe('formatStateJSON', () => {
  it('writes orjson OPT_INDENT_2 | OPT_APPEND_NEWLINE output', () => {
    // orjson.dumps({'a': [], 'b': {}, 'c': [1, {'d': 'x\u2028\x1f\x7f"é'}]}, option=OPT_INDENT_2 | OPT_APPEND_NEWLINE)
    expect(formatStateJSON({ a: [], b: {}, c: [1, { d: 'x\u2028\x1f\x7f"é' }] })).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": "x\u2028\\u001f\x7f\\"é"\n    }\n  ]\n}\n',
    )
  })

  it('writes scalars, toJSON values, Maps and examples', () => {
    expect(formatStateJSON(null)).toBe('null\n')
    expect(formatStateJSON({ t: true, f: false, n: null, big: 9223372036854775808n })).toBe(
      '{\n  "t": true,\n  "f": false,\n  "n": null,\n  "big": 9223372036854775808\n}\n',
    )
    expect(formatStateJSON([new Example({ q: 'x', dspy_uuid: 'u' })])).toBe('[\n  {\n    "q": "x",\n    "dspy_uuid": "u"\n  }\n]\n')
    expect(formatStateJSON(new Map([['k', 1]]))).toBe('{\n  "k": 1\n}\n')
    expect(formatStateJSON({ when: new Date(0) })).toBe('{\n  "when": "1970-01-01T00:00:00.000Z"\n}\n')
  })

  it('leaves undefined properties out and writes undefined array items as null', () => {
    expect(formatStateJSON({ a: undefined, b: [undefined] })).toBe('{\n  "b": [\n    null\n  ]\n}\n')
  })

  it('rejects what JSON cannot hold, naming where', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    class Opaque {}
    const cases: [unknown, string][] = [
      [{ a: [() => 1] }, 'a[0]'],
      [{ s: Symbol('x') }, 's'],
      [{ o: new Opaque() }, 'o'],
      [{ set: new Set([1]) }, 'set'],
      [cycle, 'self'],
      [{ text: '\ud800' }, 'text'],
    ]
    for (const [value, path] of cases) {
      expect(() => formatStateJSON(value)).toThrow(StateSaveError)
      expect(() => formatStateJSON(value)).toThrow(expect.objectContaining({ code: 'state-not-serializable', path }))
    }
  })

  it('writes floats as orjson does (values recorded from orjson)', () => {
    const cases: [number, string][] = [
      [0.3, '0.3'],
      [0.1 + 0.2, '0.30000000000000004'],
      [-2.5, '-2.5'],
      [1e-5, '0.00001'],
      [1.5e-5, '0.000015'],
      [1e-6, '1e-6'],
      [1.234e-7, '1.234e-7'],
      [0.000123456, '0.000123456'],
      [123456789012345.6, '123456789012345.6'],
      [1234567890123456.8, '1234567890123456.8'],
      [5e-324, '5e-324'],
      [-1e-7, '-1e-7'],
      [2.5e-6, '2.5e-6'],
      [12345.678, '12345.678'],
    ]
    for (const [value, text] of cases) expect(formatNumber(value)).toBe(text)
  })

  it('writes integral numbers as integers and non-finite ones as null', () => {
    expect([1, -0, 100, 1e20, 1e21, Number.NaN, Number.POSITIVE_INFINITY].map(formatNumber)).toEqual([
      '1',
      '0',
      '100',
      '100000000000000000000',
      '1000000000000000000000',
      'null',
      'null',
    ])
  })

  it("has DSPy 3.3.1's dependency versions", () => {
    expect(dependencyVersions).toEqual({ python: '3.11', dspy: '3.3.1', cloudpickle: '3.1' })
  })
})
