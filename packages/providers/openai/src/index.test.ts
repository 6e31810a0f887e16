import { convertToOpenAICompatibleChatMessages, mapOpenAICompatibleError, mapOpenAICompatibleFinishReason } from '@dspex/openai-compatible'
import { describe, expect, it } from 'vitest'
import { convertToOpenAIChatMessages, mapOpenAIError, mapOpenAIFinishReason } from './index.js'

describe('names kept from before Chat Completions moved to @dspex/openai-compatible', () => {
  it('re-exports the protocol helpers under their OpenAI names', () => {
    expect(convertToOpenAIChatMessages).toBe(convertToOpenAICompatibleChatMessages)
    expect(mapOpenAIError).toBe(mapOpenAICompatibleError)
    expect(mapOpenAIFinishReason).toBe(mapOpenAICompatibleFinishReason)
    expect(mapOpenAIFinishReason('tool_calls')).toBe('tool-calls')
  })
})
