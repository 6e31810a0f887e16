import { describe, expect, it } from 'vitest'
import { normalizeText, splitWhitespace } from './normalize-text.js'

// Expected values printed by DSPy's normalize_text under python3.
const cases: [string, string][] = [
  ['The,  Eiffel  Tower!', 'eiffel tower'],
  ['  A man, a plan, an canal: Panama ', 'man plan canal panama'],
  ['the\u0301 x 中the an a_the 1the theé', '\u0301 x 中the athe 1the theé'.normalize('NFD')],
  ['Crème Brûlée', 'crème brûlée'.normalize('NFD')],
  ['tab\tsep\x1cx\x85y\ufeffz', 'tab sep x y\ufeffz'],
  ['ΣΑΣ ΟΔΟΣ', 'σας οδος'],
  ['Ünïcödé & the "quotes"', 'ünïcödé quotes'.normalize('NFD')],
  ['', ''],
  ['the a an', ''],
  ['U.S.A.—(1990)', 'usa—1990'],
]

describe('normalizeText', () => {
  for (const [input, expected] of cases) {
    it(`normalizes ${JSON.stringify(input)} as DSPy`, () => {
      expect(normalizeText(input)).toBe(expected)
    })
  }
})

describe('splitWhitespace', () => {
  it("splits on Python's whitespace set and drops empty words", () => {
    expect(splitWhitespace('  a\u3000b\x1fc\ufeffd  ')).toEqual(['a', 'b', 'c\ufeffd'])
    expect(splitWhitespace('')).toEqual([])
  })
})
