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

  it('keeps the thinking tokens of output_tokens_details as reasoning tokens', () => {
    const usage = mapAnthropicUsage({ input_tokens: 40, output_tokens: 300, output_tokens_details: { thinking_tokens: 220 } })
    expect(usage).toEqual({ promptTokens: 40, completionTokens: 300, totalTokens: 340, reasoningTokens: 220 })
  })
})
