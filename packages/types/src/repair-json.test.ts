import { jsonrepair } from 'jsonrepair'
import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { ValueParseError } from './errors/value-parse-error.js'
import { prepareForJSONRepair } from './prepare-for-json-repair.js'
import { repairJSON } from './repair-json.js'

/** What the jsonrepair package gives (`undefined` where it throws). */
function jsonrepairOf(text: string): string | undefined {
  try {
    return jsonrepair(text)
  } catch (error) {
    if (error instanceof RangeError) throw error
    return undefined
  }
}

const pieces = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '`',
  ':',
  ',',
  ' ',
  '\n',
  '\t',
  'a',
  'b c',
  'None',
  'True',
  'null',
  'true',
  '1',
  '-',
  '.',
  'e',
  '0',
  '...',
  '+',
  '/',
  '//',
  '/*',
  '*/',
  '#',
  '\\',
  '\\u00',
  '\\n',
  '&quot;',
  '&#39;',
  'http://',
  '```',
  'json',
  'x(',
  ');',
  '\u00a0',
  '\u0001',
  'undefined',
  'NumberLong(',
  '$',
]

const samples = [
  '{"name": "Ada", "age": 36, "tags": ["x", "y"], "nested": {"a": [1, 2.5, -3e2, null, true]}}',
  "[{'a': 1, 'b': (1, 2)}, {'c': None}]",
  '```json\n{"answer": "He said \\"hi\\"", "n": 3}\n```',
  '{"a": "b,c", "d": "e"} trailing',
  '[1, 2, 3, ...]',
  '{"url": "https://x.com/a?b=1", "c": "d"}',
]

/** A sample with a few random edits: a character dropped, a piece put in, the text cut, a part repeated. */
function mutated(next: () => number): string {
  let text = samples[Math.floor(next() * samples.length)] as string
  const edits = 1 + Math.floor(next() * 4)
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(next() * (text.length + 1))
    const kind = next()
    if (kind < 0.3) text = text.slice(0, at) + text.slice(at + 1)
    else if (kind < 0.7) text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at)
    else if (kind < 0.85) text = text.slice(0, at)
    else text = text.slice(0, at) + text.slice(at, at + 5).repeat(3) + text.slice(at + 5)
  }
  return text
}

describe('repairJSON gives what the jsonrepair package gives', () => {
  it('on 20,000 random texts of JSON-like pieces', () => {
    const next = seededRandom(7)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, pieces, 14)
      expect(repairJSON(text), JSON.stringify(text)).toBe(jsonrepairOf(text))
    }
  })

  it('on 10,000 edited JSON texts, as they are and prepared as loadRepairedJSON prepares them', () => {
    const next = seededRandom(11)
    for (let round = 0; round < 10_000; round += 1) {
      const text = mutated(next)
      for (const input of [text, prepareForJSONRepair(text)]) expect(repairJSON(input), JSON.stringify(input)).toBe(jsonrepairOf(input))
    }
  })

  it('on the repairs it makes', () => {
    for (const text of [
      "{name: 'Ada', age: 36,}",
      '{"a": "He said "hi"", "b": 1}',
      '[1, 2, 3',
      '{"a": "unterminated',
      '"a" + "b" + "c"',
      'callback({"a": 1});',
      '{"a": 1}\n{"b": 2}',
      '[“x”, ‘y’]',
      '{"a": &quot;b&quot;}',
      '[1 /* c */, 2 // d\n]',
      '{"url": https://x.com/a, "b": 1}',
    ]) {
      expect(repairJSON(text), text).toBe(jsonrepairOf(text))
    }
  })
})

describe('repairJSON on hostile text', () => {
  const megabyte = 1 << 20
  const fill = (unit: string, length = megabyte): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

  it('refuses containers nested more than 1,000 levels deep with a typed error, at any depth', () => {
    expect(repairJSON(`${'['.repeat(1000)}1${']'.repeat(1000)}`)).toBe(`${'['.repeat(1000)}1${']'.repeat(1000)}`)
    for (const text of ['['.repeat(1001), '['.repeat(100_000), '{"a":'.repeat(100_000), 'f('.repeat(100_000), `[${"{'a': [".repeat(50_000)}`]) {
      let error: unknown
      try {
        repairJSON(text)
      } catch (thrown) {
        error = thrown
      }
      expect(ValueParseError.isInstance(error)).toBe(true)
      expect((error as ValueParseError).code).toBe('value-parse-too-deep')
    }
  })

  it('joins 100,000 concatenated strings without recursing for each', () => {
    expect(repairJSON(`${fill('"a" + ', 600_000)}"b"`)?.length).toBe(100_003)
  })

  it('reads 1 MB of any shape (unbalanced, quotes, escapes, commas, comments) in linear time', () => {
    const shapes = [
      fill('{'),
      fill('{ "a": '),
      `["${fill('a" ')}`,
      `["${fill('\\"')}`,
      `[${fill(',')}`,
      `[${fill("{'a': 1,}, ")}`,
      `[${fill('1, ')}`,
      `["${fill('" /* ')}`,
      `["${fill('" // ')}`,
      fill('[[ ## answer ## ]]\n'),
      `[${fill(' ')}`,
    ]
    for (const text of shapes) {
      const started = performance.now()
      try {
        repairJSON(text)
      } catch (error) {
        if (!ValueParseError.isInstance(error)) throw error
      }
      // A correctness bound only (quadratic work on 1 MB takes minutes); bench/parse-1mb-worst.bench.mjs times it.
      expect(performance.now() - started).toBeLessThan(5000)
    }
  })
})
