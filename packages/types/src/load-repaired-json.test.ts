import { describe, expect, it } from 'vitest'
import { ValueParseError } from './errors/value-parse-error.js'
import { loadRepairedJSON } from './load-repaired-json.js'

// Each input with the value Python's json_repair.loads (0.61) returned for it.
const recorded: readonly [string, unknown][] = [
  ['3', 3],
  [' 3 ', 3],
  ['0.85', 0.85],
  ['1_000', ''],
  ['yes', ''],
  ['True', ''],
  ['true', true],
  ['None', ''],
  ['null', null],
  ['a, b', ''],
  ['hello world', ''],
  ['Ada, 36 years old', ''],
  ['[1, 2]', [1, 2]],
  ["['a', 'b']", ['a', 'b']],
  ["{'a': 1, 'b': '2'}", { a: 1, b: '2' }],
  ['```json\n{"name": "Ada", "age": "36"}\n```', { name: 'Ada', age: '36' }],
  ['The answer is [1, 2] ok', [1, 2]],
  ['[1] then [2]', [2]],
  ['{"a":1} {"a":2}', { a: 2 }],
  ['{"a":1} {"b":2}', [{ a: 1 }, { b: 2 }]],
  ['[1, 2', [1, 2]],
  ['{"a": 1,', { a: 1 }],
  ['"hello"', 'hello'],
  ["'hello'", ''],
  ['-1', -1],
  ['1e5', 100000.0],
  ['.5', ''],
  ['0x10', ''],
  ['1/2', ''],
  ['// c\n[1]', [1]],
  ['# note\n{"a": 1}', { a: 1 }],
  ['(1, 2)', [1, 2]],
  ['(1)', 1],
  ['note (x): [1]', [1]],
  ['{a: 1}', { a: 1 }],
  ['[a, b]', ['a', 'b']],
  ['{"a": True, "b": None}', { a: true, b: 'None' }],
  ['[True, False, None]', [true, false, 'None']],
  ['```\n[1,2]\n```', [1, 2]],
  ["```python\n['x']\n```", ['x']],
  ['[]', []],
  ['{}', {}],
  ['', ''],
  ['  ', ''],
  ['[1, 2,]', [1, 2]],
  ['{"k": "v"', { k: 'v' }],
  ['Sure: {"a": 1}', { a: 1 }],
  ['["a" "b"]', ['a', 'b']],
  ['{"a": 1}\n{"a": 2}', { a: 2 }],
  ['[1]\n[2]', [2]],
  ['positive', ''],
  ['"3"', '3'],
  ['[1,2] [3]', [[1, 2], [3]]],
  ['{"name": "John"}', { name: 'John' }],
  ['[1, 2] // comment', [1, 2]],
  ['["a", "b"]\nThat\'s all.', ['a', 'b']],
  ['{"a": 1} and {"b": [2]}', [{ a: 1 }, { b: [2] }]],
  ['3 apples', ''],
  ['-', ''],
  ['[{"name": "Ada"}, {"name": "Alan"}]', [{ name: 'Ada' }, { name: 'Alan' }]],
  ["{1: 'a'}", { '1': 'a' }],
  ['[1, 2, ...]', [1, 2]],
  ['{"text": "line\nbreak"}', { text: 'line\nbreak' }],
  ["['it\\'s']", ["it's"]],
  ['["\\u00e9"]', ['é']],
  ['/', ''],
  ['a/b', ''],
  ['[.5]', [0.5]],
  ["{'a': [1, {'b': (1, 2)}]}", { a: [1, { b: [1, 2] }] }],
  ["Here is the list: ['apple', 'banana']", ['apple', 'banana']],
  ['The answer is 42.', ''],
  ['42 apples', ''],
  ['[1, 2, 3] are the numbers', [1, 2, 3]],
  ['1, 2, 3', ''],
  ['- item one\n- item two', ''],
  ["```\n['a', 'b']\n```", ['a', 'b']],
  ['```json\n["a", "b"]\n```\n', ['a', 'b']],
  ["```python\n{'a': 1}\n```", { a: 1 }],
  ['json\n{"a": 1}', { a: 1 }],
  ['{"a": 1}```', { a: 1 }],
  ["{'name': 'Ada', 'age': 36, 'address': None}", { name: 'Ada', age: 36, address: 'None' }],
  ["{'name': 'Ada', 'ok': True, 'x': False}", { name: 'Ada', ok: true, x: false }],
  ['[None]', ['None']],
  ['[none, NONE, Null, TRUE]', ['none', 'NONE', null, true]],
  ['{"name": "Ada", "age": 36,}', { name: 'Ada', age: 36 }],
  ["{name: 'Ada', age: 36}", { name: 'Ada', age: 36 }],
  ['{"a": [1, 2, {"b": null}]}', { a: [1, 2, { b: null }] }],
  ['["a", \'b\', c]', ['a', 'b', 'c']],
  ["['it\\'s', \"ok\"]", ["it's", 'ok']],
  ['{"text": "He said \\"hi\\""}', { text: 'He said "hi"' }],
  ['{"text": "He said "hi""}', { text: 'He said "hi"' }],
  ["['a',\n 'b',\n]", ['a', 'b']],
  ['[\n  "x"\n  "y"\n]', ['x', 'y']],
  ['{"a": 1 "b": 2}', { a: 1, b: 2 }],
  ['Answer: {"answer": "Paris"} Hope this helps!', { answer: 'Paris' }],
  ['Use [brackets] wisely', ['brackets']],
  ['see [1] and [2]', [2]],
  ['[1] [2, 3]', [[1], [2, 3]]],
  ["{'a': (1, 2)}", { a: [1, 2] }],
  [
    '[(1, 2), (3, 4)]',
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ['("a", "b")', ['a', 'b']],
  ['( 1 )', 1],
  ['note (1): x', ''],
  ['()', []],
  ['(1,)', [1]],
  ["('x',)", ['x']],
  ['{"a": 1.5e3}', { a: 1500.0 }],
  ['[1.0, 2.50]', [1.0, 2.5]],
  ['[.5, -.5]', [0.5, -0.5]],
  ['[01, 02]', [1, 2]],
  ['[1_000]', [1000]],
  ['{"a": "line1\nline2"}', { a: 'line1\nline2' }],
  ['{"emoji": "😀"}', { emoji: '😀' }],
  ['{“a”: “b”}', { a: 'b' }],
  ["['a' 'b']", ['a', 'b']],
  ['{"a": {"b": {"c": [1, [2, [3]]]}}}', { a: { b: { c: [1, [2, [3]]] } } }],
  [
    '[{"name": "Ada", "age": "36"}, {"name": "Alan", "age": 41}]',
    [
      { name: 'Ada', age: '36' },
      { name: 'Alan', age: 41 },
    ],
  ],
  ["[{'name': 'Ada'}, {'name': 'Alan'},]", [{ name: 'Ada' }, { name: 'Alan' }]],
  ['{"people": [{"name": "Ada"}]', { people: [{ name: 'Ada' }] }],
  ['{"a": [1, 2', { a: [1, 2] }],
  ['{"a": "unterminated', { a: 'unterminated' }],
  ['["a", "b', ['a', 'b']],
  ['[,1]', [1]],
  ['// comment\n{"a": 1}', { a: 1 }],
  ['/* block */ [1]', [1]],
  ['{"a": 1 // c\n}', { a: 1 }],
  ['[1, /* x */ 2]', [1, 2]],
  ['# heading\n[1, 2]', [1, 2]],
  ['Item #1: [1, 2]', ''],
  ['a/b [1]', [1]],
  ['http://x.com [1]', ''],
  ['false', false],
  ['"str"', 'str'],
  ["'str'", ''],
  ['-5', -5],
  ['+5', ''],
  ['5.', ''],
  ['0x1A', ''],
  ['2.5', 2.5],
  ['  42  ', 42],
  ['\n42\n', 42],
  ['[[]]', [[]]],
  ['[{}]', [{}]],
  ['{} {"a": 1}', { a: 1 }],
  ['[] [1]', [1]],
  ['{"a": 1}, {"a": 2}', [{ a: 1 }, { a: 2 }]],
  ['[1], [2]', [[1], [2]]],
  ['{"a": 1} {"a": 2} {"a": 3}', { a: 3 }],
  ['{"a": 1} {"b": 2}', [{ a: 1 }, { b: 2 }]],
  ["{'key': 'value'}", { key: 'value' }],
  ['{"key": \'value\'}', { key: 'value' }],
  ["['a', \"b\", 'c\"d']", ['a', 'b', 'c"d']],
  ['{"a": \'b"c\'}', { a: 'b"c' }],
  ["{'a': \"it's\"}", { a: "it's" }],
  ['["multi\nline", "x"]', ['multi\nline', 'x']],
  ['{"a": 1}\n\nThe above is the JSON.', { a: 1 }],
  ['Sure! Here\'s the JSON:\n```json\n{\n  "name": "Ada",\n  "age": 36\n}\n```\nLet me know.', { name: 'Ada', age: 36 }],
  ['Positive', ''],
  ["'positive'", ''],
  ['"positive"', 'positive'],
  ["Literal['positive']", ['positive']],
  ['no', ''],
  ['N/A', ''],
  [' ', ''],
  ['none', ''],
  ['[None, 1]', ['None', 1]],
  ['{"a": None}', { a: 'None' }],
  ['{"a": True}', { a: true }],
  ['[TRUE, FALSE]', [true, false]],
  ['[tRuE]', [true]],
  ['{"a": undefined}', { a: 'undefined' }],
  ['["a", "b",]', ['a', 'b']],
  ['{"a": "b",}', { a: 'b' }],
  ['{"a": 1, "a": 2}', { a: 2 }],
  ['["\\u00e9", "\\n"]', ['é', '\n']],
  ["['\\x41']", ['A']],
  ['{"a": "\\d"}', { a: '\\d' }],
  ['["a\\\\b"]', ['a\\b']],
  ["{'a': 'b'} trailing text with 'quotes'", { a: 'b' }],
  ['{"a": ["x", "y"], "b": {"c": 1}}', { a: ['x', 'y'], b: { c: 1 } }],
  [
    '[[1, 2], [3, 4]]',
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ['[1, "2", 3.5, true, null]', [1, '2', 3.5, true, null]],
  ['key: value', ''],
  ['{key: value}', { key: 'value' }],
  ['{"a": b}', { a: 'b' }],
  ['[a b c]', ['a b c']],
  ['Here\'s the list: ["a", "b"]. That\'s it.', ['a', 'b']],
  ['["don\'t", "can\'t"]', ["don't", "can't"]],
  ['The tags are: [python, javascript, rust]', ['python', 'javascript', 'rust']],
  ['- python\n- rust', ''],
  ['1. first\n2. second', ''],
  ['{"answer": "The value is {x}"}', { answer: 'The value is {x}' }],
  ['["a]b", "c"]', ['a]b', 'c']],
  ['{"a": "}"}', { a: '}' }],
  ["{'a': 'it\\'s'}", { a: "it's" }],
  ['{"k": [1, 2, 3],\n "m": {"n": "o"}\n}\nExplanation: the keys [k] and [m].', [{ k: [1, 2, 3], m: { n: 'o' } }, ['m']]],
  ['["x"] (see note)', ['x']],
  ['(see note) ["x"]', ['x']],
  ['Result:\n(1, 2)\n', [1, 2]],
  ['Result: (1, 2)', ''],
  ['(1, 2) is the answer', ''],
  [
    '((1, 2), (3, 4))',
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ['[1, 2] // two numbers', [1, 2]],
  ['{"a": 1} # done', { a: 1 }],
  ['{"score": 0.9, "label": "positive"}\n{"score": 0.1, "label": "negative"}', { score: 0.1, label: 'negative' }],
  ['[{"a": 1}]\n[{"a": 2}]', [{ a: 2 }]],
  ['\n', ''],
  ['{"date": 2024-01-01}', { date: '2024-01-01' }],
  ['[1,000, 2]', [1, 0, 2]],
  ['{"neg": -5}', { neg: -5 }],
  ['{"e": 1e-5, "E": 2E+3}', { e: 1e-5, E: 2000.0 }],
  ['[1.5.5]', ['1.5.5']],
  ['{"x": 0x1F}', { x: '0x1F' }],
  ['{"path": "C:\\Users\\x"}', { path: 'C:\\Users\\x' }],
  ['{"re": "\\d+\\s"}', { re: '\\d+\\s' }],
  ['["tab\\there"]', ['tab\there']],
  ['{"nested": "{\\"a\\": 1}"}', { nested: '{"a": 1}' }],
  ["{'name': 'Ada', 'tags': ('x', 'y'), 'n': (1)}", { name: 'Ada', tags: ['x', 'y'], n: 1 }],
  ['[(1)]', [1]],
  ['[(1,)]', [[1]]],
  ['{"t": ()}', { t: [] }],
  ['[true, false, null, True, False, None, NULL]', [true, false, null, true, false, 'None', null]],
  ['```json\n[1]\n```\n```json\n[2, 3]\n```', [[1], [2, 3]]],
  ['[1-2]', ['1-2']],
  ['[3/4]', ['3/4']],
  ['[-1.5e-3]', [-0.0015]],
  ['[1.2.3]', ['1.2.3']],
  ['{"a": 12abc}', { a: '12abc' }],
  ['[5.]', [5.0]],
  ['[.5e2]', [50.0]],
]

describe('loadRepairedJSON matches json_repair.loads', () => {
  for (const [text, expected] of recorded) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(loadRepairedJSON(text)).toEqual(expected)
    })
  }
})

describe('loadRepairedJSON', () => {
  it('returns an empty string when the text holds no JSON value', () => {
    for (const text of ['', '  ', 'hello world', 'a, b', 'Ada, 36 years old', 'yes', 'True', 'None', "'hello'", '1_000']) {
      expect(loadRepairedJSON(text)).toBe('')
    }
  })

  it("reads Python's JSON dialect: NaN and Infinity", () => {
    expect(loadRepairedJSON('NaN')).toBeNaN()
    expect(loadRepairedJSON('Infinity')).toBe(Number.POSITIVE_INFINITY)
    expect(loadRepairedJSON('[NaN, -Infinity]')).toEqual([Number.NaN, Number.NEGATIVE_INFINITY])
    expect(loadRepairedJSON('{"a": NaN, "b": Infinity}')).toEqual({ a: Number.NaN, b: Number.POSITIVE_INFINITY })
  })

  it('keeps strings that look like the markers it uses for NaN', () => {
    expect(loadRepairedJSON('["NaN", "toString", NaN]')).toEqual(['NaN', 'toString', Number.NaN])
  })

  it('skips markdown fences around the value', () => {
    expect(loadRepairedJSON('```json\n{"name": "Ada", "age": "36"}\n```')).toEqual({ name: 'Ada', age: '36' })
  })

  it('reads a value after an unquoted apostrophe in the prose before it', () => {
    expect(loadRepairedJSON("Here's the list: [1, 2]")).toEqual([1, 2])
  })
})

describe('loadRepairedJSON on hostile text', () => {
  const megabyte = 1 << 20
  const fill = (unit: string, length = megabyte): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
  const tooDeep = (text: string): ValueParseError => {
    try {
      loadRepairedJSON(text)
    } catch (error) {
      if (ValueParseError.isInstance(error)) return error
      throw error
    }
    throw new Error('expected a ValueParseError')
  }

  it('reads values nested 1,000 levels deep, valid or repaired', () => {
    let value: unknown = 1
    for (let level = 0; level < 1000; level += 1) value = [value]
    expect(loadRepairedJSON(JSON.stringify(value))).toEqual(value)
    expect(loadRepairedJSON(`${'['.repeat(1000)}1`)).toEqual(value)
    expect(loadRepairedJSON(`[${'[NaN], '.repeat(3)}[${'['.repeat(998)}NaN${']'.repeat(999)}]`)).toHaveLength(4)
  })

  it('refuses 100,000 levels of [ or { (valid, cut or inside prose) with a typed error naming the type Any', () => {
    for (const text of [
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '['.repeat(100_000),
      '{"a": '.repeat(100_000),
      `Sure: ${'{"a": ['.repeat(50_000)}`,
      `(\n${'['.repeat(5000)}`,
    ]) {
      const error = tooDeep(text)
      expect(error.code).toBe('value-parse-too-deep')
      expect(error.typeName).toBe('Any')
      expect(error.text).toBe(text)
    }
  })

  it('keeps brackets inside strings out of the count', () => {
    expect(loadRepairedJSON(`["${'['.repeat(100_000)}"]`)).toEqual(['['.repeat(100_000)])
    expect(loadRepairedJSON(`['${'{'.repeat(5000)}']`)).toEqual(['{'.repeat(5000)])
  })

  it('reads 1 MB of unbalanced braces, brackets, parentheses, quotes or commas in linear time', () => {
    const shapes = [
      fill('{'),
      fill('{ "a": '),
      fill('['),
      `${fill('(\n', megabyte / 2)}${fill(')', megabyte / 2)}x`,
      fill('(1\n'),
      `["${fill('a" ')}`,
      `[${fill(',')}`,
      `[${fill("{'a': 1,}, ")}`,
      fill('[[ ## answer ## ]]\n'),
      `[${fill('1')}-1]`,
      fill('"'),
      fill(`"'“”`),
    ]
    for (const text of shapes) {
      const started = performance.now()
      try {
        loadRepairedJSON(text)
      } catch (error) {
        if (!ValueParseError.isInstance(error)) throw error
      }
      // A correctness bound only (the quadratic versions took minutes); bench/parse-1mb-worst.bench.mjs times it.
      expect(performance.now() - started).toBeLessThan(5000)
    }
  })

  it('gives the same values for repeated and nested containers as before', () => {
    expect(loadRepairedJSON('[[ ## answer ## ]]\n'.repeat(3))).toEqual([['## answer ##']])
    expect(loadRepairedJSON(`${'(\n'.repeat(3)}1${')'.repeat(3)}`)).toBe(1)
  })

  it('leaves the stack-trace limit as it found it', () => {
    const limit = Error.stackTraceLimit
    loadRepairedJSON("{'a': 1,} {'b': 2}")
    expect(Error.stackTraceLimit).toBe(limit)
  })
})
