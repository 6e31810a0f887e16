import { describe, expect, it } from 'vitest'
import { getOpenAIChatQuirks, getOpenAIModelCapabilities, isOpenAIReasoningModel } from './openai-model-info.js'

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

describe('getOpenAIChatQuirks', () => {
  it('gives reasoning models max_completion_tokens and default sampling, every model strict structured outputs', () => {
    expect(getOpenAIChatQuirks('o3')).toEqual({ maxTokensParameter: 'max_completion_tokens', structuredOutputs: true, reasoningModel: true })
    expect(getOpenAIChatQuirks('gpt-4o')).toEqual({ maxTokensParameter: 'max_tokens', structuredOutputs: true, reasoningModel: false })
  })
})
