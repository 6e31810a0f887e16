import { describe, expect, it } from 'vitest'
import { getAnthropicModelInfo } from './anthropic-model-info.js'

describe('getAnthropicModelInfo', () => {
  it('gives old claude-3 models a 4096 token default and no thinking', () => {
    expect(getAnthropicModelInfo('claude-3-opus-20240229')).toEqual({ defaultMaxTokens: 4096, supportsThinking: false })
    expect(getAnthropicModelInfo('claude-3-haiku-20240307').defaultMaxTokens).toBe(4096)
  })

  it('gives current models 8192 tokens and thinking', () => {
    expect(getAnthropicModelInfo('claude-sonnet-4-5-20250929')).toEqual({ defaultMaxTokens: 8192, supportsThinking: true })
    expect(getAnthropicModelInfo('claude-3-7-sonnet-latest').supportsThinking).toBe(true)
    expect(getAnthropicModelInfo('claude-3-5-haiku-latest')).toEqual({ defaultMaxTokens: 8192, supportsThinking: false })
  })
})
