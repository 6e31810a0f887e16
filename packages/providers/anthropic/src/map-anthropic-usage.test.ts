import { describe, expect, it } from 'vitest'
import { mapAnthropicUsage } from './map-anthropic-usage.js'

describe('mapAnthropicUsage', () => {
  it('adds cache reads and writes to the prompt tokens', () => {
    const usage = mapAnthropicUsage({
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 20,
    })
    expect(usage).toEqual({ promptTokens: 130, completionTokens: 5, totalTokens: 135, cachedPromptTokens: 100 })
  })

  it('treats missing counts as zero', () => {
    expect(mapAnthropicUsage({ output_tokens: 3 })).toEqual({ promptTokens: 0, completionTokens: 3, totalTokens: 3 })
  })
})
