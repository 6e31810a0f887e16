import { describe, expect, it } from 'vitest'
import { parseFloatText, parseIntText } from './python-number-text.js'

// Expected values recorded from pydantic 2.13 in lax mode.
describe('parseIntText', () => {
  it('reads ints as pydantic does', () => {
    expect(parseIntText(' 3 ')).toBe(3)
    expect(parseIntText('+1_0')).toBe(10)
    expect(parseIntText('-3.00')).toBe(-3)
    expect(Object.is(parseIntText('-0'), 0)).toBe(true)
    expect(parseIntText('007')).toBe(7)
  })
  it('rejects anything else', () => {
    for (const text of ['3.5', '3.', '.0', '1e3', '0x10', '1__0', '_1', '1_', '-_1', '1_0.0_0', '', 'inf']) {
      expect(parseIntText(text)).toBeUndefined()
    }
  })
})

describe('parseFloatText', () => {
  it('reads floats as pydantic does', () => {
    expect(parseFloatText('1_.5')).toBe(1.5)
    expect(parseFloatText('1e_3')).toBe(1000)
    expect(parseFloatText('1e1_0')).toBe(1e10)
    expect(parseFloatText('1_0.')).toBe(10)
    expect(parseFloatText('\t-.5e-3 ')).toBe(-0.0005)
    expect(parseFloatText('-Infinity')).toBe(Number.NEGATIVE_INFINITY)
    expect(parseFloatText('+inf')).toBe(Number.POSITIVE_INFINITY)
    expect(parseFloatText('NAN')).toBeNaN()
  })
  it('rejects anything else', () => {
    for (const text of ['', '.', 'e3', '1e', '1.5_', '_1', '1__0', '0x10', '0b11', 'infinit', '+-1', '١']) {
      expect(parseFloatText(text)).toBeUndefined()
    }
  })
})

describe('parseFloatText and parseIntText on a million digits', () => {
  it('answer in linear time', () => {
    const started = performance.now()
    expect(parseFloatText(`${'1'.repeat(1_000_000)}x`)).toBeUndefined()
    expect(parseFloatText(`${'1'.repeat(1_000_000)}.5`)).toBe(Number.POSITIVE_INFINITY)
    expect(parseIntText(`${'1'.repeat(1_000_000)}.5`)).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
