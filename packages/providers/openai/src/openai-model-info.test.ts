import { describe, expect, it } from 'vitest'
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js'
import { getOpenAIModelCapabilities, isOpenAIReasoningModel } from './openai-model-info.js'

describe('isOpenAIReasoningModel', () => {
  it('matches DSPy 3.3.1 reasoning families', () => {
    for (const id of ['o1', 'o1-mini', 'o3', 'o3-pro', 'o4-mini', 'o4-mini-2025-04-16', 'o5-nano', 'gpt-5', 'gpt-5-mini', 'openai/gpt-5-nano']) {
      expect(isOpenAIReasoningModel(id), id).toBe(true)
    }
    for (const id of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-5-chat', 'gpt-5-chat-latest', 'o2', 'o3-turbo', 'deepseek-reasoner']) {
      expect(isOpenAIReasoningModel(id), id).toBe(false)
    }
  })
})

describe('getOpenAIModelCapabilities', () => {
  it('reports structured outputs, tools, reasoning and images', () => {
    expect(getOpenAIModelCapabilities('gpt-4o-mini')).toEqual({
      structuredOutputs: true,
      jsonMode: true,
      toolCalling: true,
      reasoning: false,
      images: true,
    })
    expect(getOpenAIModelCapabilities('o3-mini')).toMatchObject({ reasoning: true, images: false, structuredOutputs: true })
    expect(getOpenAIModelCapabilities('o1-mini')).toMatchObject({ toolCalling: false, structuredOutputs: false })
    expect(getOpenAIModelCapabilities('llama-3.3-70b')).toMatchObject({ structuredOutputs: false, reasoning: false })
  })
})

describe('mapOpenAIFinishReason', () => {
  it('maps every documented reason', () => {
    expect(mapOpenAIFinishReason('stop')).toBe('stop')
    expect(mapOpenAIFinishReason('length')).toBe('length')
    expect(mapOpenAIFinishReason('tool_calls')).toBe('tool-calls')
    expect(mapOpenAIFinishReason('function_call')).toBe('tool-calls')
    expect(mapOpenAIFinishReason('content_filter')).toBe('content-filter')
    expect(mapOpenAIFinishReason('eos')).toBe('other')
    expect(mapOpenAIFinishReason(null)).toBe('unknown')
  })
})
