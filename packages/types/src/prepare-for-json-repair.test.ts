import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { findContainerEnd, findStringEnd, isExplicitTuple, prepareForJSONRepair, replaceBareWords } from './prepare-for-json-repair.js'

describe('prepareForJSONRepair', () => {
  it('keeps None and undefined as strings and lowers constants', () => {
    expect(prepareForJSONRepair('[None, undefined, TRUE, Null, False]')).toBe('["None", "undefined", true, null, false]')
  })
  it('turns tuples into arrays and drops the parentheses of grouped values', () => {
    expect(prepareForJSONRepair('{"a": (1, 2), "b": (3), "c": ()}')).toBe('{"a": [1, 2], "b":  3 , "c": []}')
  })
  it('leaves calls and words with parentheses alone', () => {
    expect(prepareForJSONRepair('{"a": foo(1)}')).toBe('{"a": foo(1)}')
  })
  it('reads numbers as json_repair does', () => {
    expect(prepareForJSONRepair('[1_000, 007, -0, .5, 5., 1.5.5, 2024-01-01, 1e-5, 12abc]')).toBe(
      '[1000, 7, 0, 0.5, 5.0, "1.5.5", "2024-01-01", 1e-5, 12abc]',
    )
  })
  it('fixes escapes inside strings and leaves their words alone', () => {
    expect(prepareForJSONRepair(String.raw`["\d+", "\x41", "\n", 'None (1)', "\/"]`)).toBe(String.raw`["\\d+", "\u0041", "\n", 'None (1)', "\\/"]`)
  })
})

describe('the scanning helpers', () => {
  it('finds the end of strings, with escapes and curly quotes', () => {
    expect(findStringEnd('"a\\"b" rest', 0)).toBe(6)
    expect(findStringEnd('“a” rest', 0)).toBe(3)
    expect(findStringEnd("'open", 0)).toBe(5)
  })
  it('finds the end of containers, ignoring brackets in strings', () => {
    expect(findContainerEnd('[1, "]", [2]] tail', 0)).toEqual({ end: 13, closed: true })
    expect(findContainerEnd('{"a": [1', 0)).toEqual({ end: 8, closed: false })
  })
  it('tells tuples from grouped values', () => {
    expect(isExplicitTuple('1, 2')).toBe(true)
    expect(isExplicitTuple('1,')).toBe(true)
    expect(isExplicitTuple(' ')).toBe(true)
    expect(isExplicitTuple('[1, 2]')).toBe(false)
    expect(isExplicitTuple('"a, b"')).toBe(false)
  })
  it('replaces bare words only', () => {
    expect(replaceBareWords('[NaN, "NaN", -Infinity, x.NaN]', (word) => (word.includes('NaN') || word.includes('Infinity') ? '0' : undefined))).toBe(
      '[0, "NaN", 0, x.NaN]',
    )
  })
})

describe('prepareForJSONRepair on hostile text', () => {
  it('decides tuples as isExplicitTuple does, for every parenthesis of 20,000 random texts', () => {
    // Pieces no other rewrite changes, so only the parentheses differ from the text.
    const pieces = ['(', ')', '[', ']', '{', '}', ',', ' ', '1', 'a', '"', "'"]
    const next = seededRandom(5)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, pieces, 14)
      expect(prepareForJSONRepair(text), JSON.stringify(text)).toBe(oneParenthesisAtATime(text))
    }
  })

  it('rewrites 100,000 nested parentheses in linear time', () => {
    const text = `[${'('.repeat(100_000)}1,${')'.repeat(100_000)}]`
    const started = performance.now()
    const prepared = prepareForJSONRepair(text)
    expect(prepared).toBe(`[${' '.repeat(99_999)}[1,]${' '.repeat(99_999)}]`)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('normalises numbers of a million digits in linear time, leading zeros dropped', () => {
    expect(prepareForJSONRepair(`[${'0'.repeat(5)}${'7'.repeat(1_000_000)}]`)).toBe(`[${'7'.repeat(1_000_000)}]`)
    expect(prepareForJSONRepair(`[${'1'.repeat(1_000_000)}-1]`)).toBe(`[${JSON.stringify(`${'1'.repeat(1_000_000)}-1`)}]`)
    expect(prepareForJSONRepair('[-00, 007, -007]')).toBe('[0, 7, -7]')
  })
})

/** The parentheses rewritten as before: each tested with isExplicitTuple on its own contents (quadratic when nested). */
function oneParenthesisAtATime(span: string): string {
  const chars = span.split('')
  const open: number[] = []
  const starts: number[] = []
  const pairs = new Map<number, number>()
  for (let at = 0; at < span.length; ) {
    if (`"'“”`.includes(span[at] as string)) {
      at = findStringEnd(span, at)
      continue
    }
    if (span[at] === '(') {
      open.push(at)
      starts.push(at)
    } else if (span[at] === ')') {
      const start = open.pop()
      if (start !== undefined) pairs.set(start, at)
    }
    at += 1
  }
  for (const start of starts) {
    if (/[A-Za-z0-9_.]/.test(span[start - 1] ?? '')) continue
    const close = pairs.get(start)
    const tuple = isExplicitTuple(span.slice(start + 1, close ?? span.length))
    chars[start] = tuple ? '[' : ' '
    if (close !== undefined) chars[close] = tuple ? ']' : ' '
  }
  return chars.join('')
}
