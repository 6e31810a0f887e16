import { describe, expect, it } from 'vitest'
import { mapGoogleFinishReason } from './map-google-finish-reason.js'
import { mapGoogleUsage } from './map-google-usage.js'

describe('mapGoogleFinishReason', () => {
  it('maps Gemini reasons', () => {
    expect(mapGoogleFinishReason('STOP')).toBe('stop')
    expect(mapGoogleFinishReason('STOP', true)).toBe('tool-calls')
    expect(mapGoogleFinishReason('MAX_TOKENS')).toBe('length')
    for (const reason of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']) {
      expect(mapGoogleFinishReason(reason)).toBe('content-filter')
    }
    expect(mapGoogleFinishReason('MALFORMED_FUNCTION_CALL')).toBe('error')
    expect(mapGoogleFinishReason('OTHER')).toBe('other')
    expect(mapGoogleFinishReason(undefined)).toBe('unknown')
  })
})

describe('mapGoogleUsage', () => {
  it('counts thoughts as completion tokens and reads cached tokens', () => {
    expect(
      mapGoogleUsage({ promptTokenCount: 10, candidatesTokenCount: 5, thoughtsTokenCount: 3, cachedContentTokenCount: 4, totalTokenCount: 18 }),
    ).toEqual({ promptTokens: 10, completionTokens: 8, totalTokens: 18, cachedPromptTokens: 4, reasoningTokens: 3, providerTotalTokens: 18 })
    expect(mapGoogleUsage({ promptTokenCount: 2, candidatesTokenCount: 1 })).toEqual({ promptTokens: 2, completionTokens: 1, totalTokens: 3 })
  })
})
