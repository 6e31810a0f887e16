import { describe, expect, it } from 'vitest'
import { dprNormalize, hasAnswer } from './dpr-normalize.js'

describe('dprNormalize', () => {
  it("tokenizes like DPR's SimpleTokenizer (values printed by python3)", () => {
    expect(dprNormalize('Eiffel Tower, Paris!')).toEqual(['eiffel', 'tower', ',', 'paris', '!'])
    expect(dprNormalize('naïve café 3.14 foo-bar')).toEqual(
      ['naïve', 'café', '3', '.', '14', 'foo', '-', 'bar'].map((token) => token.normalize('NFD')),
    )
    expect(dprNormalize('日本語 text\u200b\u00a0x')).toEqual(['日本語', 'text', 'x'])
  })
})

describe('hasAnswer', () => {
  it('finds an answer as a contiguous run of tokens', () => {
    expect(hasAnswer([['eiffel', 'tower']], 'The Eiffel Tower!')).toBe(true)
    expect(hasAnswer([['tower', 'eiffel']], 'The Eiffel Tower!')).toBe(false)
    expect(hasAnswer([['tow']], 'The Eiffel Tower!')).toBe(false)
  })

  it('matches an answer without tokens everywhere, as DPR does', () => {
    expect(hasAnswer([[]], '')).toBe(true)
  })
})
