import { describe, expect, it } from 'vitest'
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
