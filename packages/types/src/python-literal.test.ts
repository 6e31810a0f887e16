import { describe, expect, it } from 'vitest'
import { PythonLiteralError } from './errors/python-literal-error.js'
import { parsePythonLiteral } from './python-literal.js'

// Expected values recorded from CPython 3.11's ast.literal_eval (tuples and sets as arrays).
const accepted: readonly [string, unknown][] = [
  ['1', 1],
  ['-1', -1],
  ['+2', 2],
  ['- 3', -3],
  ['-(4)', -4],
  ['1_000', 1000],
  ['0x1F', 31],
  ['0o17', 15],
  ['0b101', 5],
  ['-0x10', -16],
  ['1.5', 1.5],
  ['1.', 1],
  ['.5', 0.5],
  ['1e3', 1000],
  ['1_0.5e1_0', 105000000000],
  ['2E-2', 0.02],
  ['00', 0],
  ['0_0', 0],
  ['True', true],
  ['False', false],
  ['None', null],
  ["'a'", 'a'],
  ['"b"', 'b'],
  ["'''x\ny'''", 'x\ny'],
  ['"""q"""', 'q'],
  ['\'a\' "b"', 'ab'],
  ["'it\\'s'", "it's"],
  ['"tab\\tnew\\nline"', 'tab\tnew\nline'],
  ["'\\x41\\u00e9\\U0001F600'", 'Aé😀'],
  ["'\\101\\0'", 'A\u0000'],
  ["'\\d'", '\\d'],
  ["r'\\d\\n'", '\\d\\n'],
  ["u'x'", 'x'],
  ["b'bytes'", 'bytes'],
  ["'a\\\nb'", 'ab'],
  ['[]', []],
  ['[1, 2,]', [1, 2]],
  ['[1,\n 2]', [1, 2]],
  ['()', []],
  ['(1)', 1],
  ['(1,)', [1]],
  ['(1, 2)', [1, 2]],
  ['1, 2', [1, 2]],
  ['1,', [1]],
  ['{}', {}],
  ["{'a': 1, 'b': [2, 3]}", { a: 1, b: [2, 3] }],
  ['{1: 2, 1: 3}', { '1': 3 }],
  ["{1: 'a', True: 'b', 1.0: 'c'}", { '1': 'c' }],
  ['{1.5: 0, None: 1, (1, "a"): 2}', { '1.5': 0, None: 1, "(1, 'a')": 2 }],
  ['{1, 1, 2}', [1, 2]],
  ['{1, True, 2,}', [1, 2]],
  ['set()', []],
  ['[1, 2]  # comment', [1, 2]],
  ['\n[1]\n', [1]],
  ['\t1', 1],
  ['{"a": {"b": (None, False)}}', { a: { b: [null, false] } }],
  ["[1, -2.5, 'x', None, True]", [1, -2.5, 'x', null, true]],
  ["{'k': -1e-3}", { k: -0.001 }],
  ['[1e400, -1e400]', [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]],
]

// Each of these makes ast.literal_eval raise (SyntaxError, ValueError or TypeError).
const rejected: readonly string[] = [
  '',
  'abc',
  'Infinity',
  'null',
  'true',
  '1\n2',
  '03',
  '1__0',
  '1_',
  '1abc',
  '--1',
  '-True',
  "-'a'",
  'f"x"',
  "'a' b'b'",
  "'abc",
  "'a\nb'",
  '[1, 2',
  '[1 2]',
  '(1 2)',
  '{1: 2',
  '{1:2,,}',
  '{[1]: 2}',
  '{[1], 2}',
  '{"a" 1}',
  '1 +',
  'set(1)',
  '[1] [2]',
  "'\\x4'",
]

describe('parsePythonLiteral', () => {
  for (const [text, expected] of accepted) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parsePythonLiteral(text)).toEqual(expected)
    })
  }

  for (const text of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError)
    })
  }

  it('rejects what this port does not support: complex numbers and \\N{...} escapes', () => {
    expect(() => parsePythonLiteral('1j')).toThrow(/complex numbers/)
    expect(() => parsePythonLiteral("'\\N{BULLET}'")).toThrow(/\\N\{\.\.\.\} escapes/)
  })

  it('names the position and the character in its error', () => {
    let caught: unknown
    try {
      parsePythonLiteral('[1, 2 3]')
    } catch (error) {
      caught = error
    }
    expect(PythonLiteralError.isInstance(caught)).toBe(true)
    const error = caught as PythonLiteralError
    expect(error.code).toBe('python-literal')
    expect(error.position).toBe(6)
    expect(error.text).toBe('[1, 2 3]')
    expect(error.message).toBe("Invalid Python literal at position 6 (at '3'): expected ',' or ']'.")
  })

  it('reports the end of the text and the start of an unterminated string', () => {
    expect(() => parsePythonLiteral('[1,')).toThrow('Invalid Python literal at position 3 (at the end of the text): expected a value.')
    expect(() => parsePythonLiteral("x = 'abc")).toThrow(/position 0/)
    expect(() => parsePythonLiteral("['abc")).toThrow('Invalid Python literal at position 1 (at "\'"): unterminated string.')
  })

  it('keeps a key named __proto__ as an own property', () => {
    const value = parsePythonLiteral("{'__proto__': 1}") as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })

  it('treats raw strings as raw, escaped quotes included', () => {
    expect(parsePythonLiteral("r'a\\'b'")).toBe("a\\'b")
    expect(parsePythonLiteral('rb"\\x41"')).toBe('\\x41')
  })

  it('does not read \\u escapes in bytes', () => {
    expect(parsePythonLiteral("b'\\u0041\\x41'")).toBe('\\u0041A')
  })
})

describe('parsePythonLiteral nesting', () => {
  it('reads 200 nested brackets and refuses more, as Python does', () => {
    expect(parsePythonLiteral(`${'['.repeat(200)}${']'.repeat(200)}`)).toBeInstanceOf(Array)
    expect(() => parsePythonLiteral(`${'['.repeat(100_000)}`)).toThrow(/too many nested brackets/)
  })
})

describe('parsePythonLiteral on hostile text', () => {
  it('keys a dict by tuples nested 190 levels deep in linear time, telling different tuples apart', () => {
    const tuple = (depth: number, leaf: string): string => `${'('.repeat(depth)}${leaf}${',)'.repeat(depth)}`
    const text = `{${tuple(190, "'a'")}: 1, ${tuple(190, "'b'")}: 2, ${tuple(190, "'a'")}: 3}`
    const started = performance.now()
    const value = parsePythonLiteral(text) as Record<string, number>
    expect(Object.values(value)).toEqual([3, 2])
    expect(Object.keys(value)[0]?.startsWith('((((')).toBe(true)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(parsePythonLiteral("{('a,b',): 1, ('a', 'b'): 2}")).toEqual({ "('a,b',)": 1, "('a', 'b')": 2 })
  })

  it('refuses more than 200 nested brackets, as Python does', () => {
    expect(() => parsePythonLiteral(`${'('.repeat(201)}1,${')'.repeat(201)}`)).toThrow(PythonLiteralError)
  })
})
