import { describe, expect, it } from 'vitest'
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js'

describe('mapOpenAICompatibleFinishReason', () => {
  it('maps every documented reason', () => {
    expect(mapOpenAICompatibleFinishReason('stop')).toBe('stop')
    expect(mapOpenAICompatibleFinishReason('eos')).toBe('stop')
    expect(mapOpenAICompatibleFinishReason('length')).toBe('length')
    expect(mapOpenAICompatibleFinishReason('tool_calls')).toBe('tool-calls')
    expect(mapOpenAICompatibleFinishReason('function_call')).toBe('tool-calls')
    expect(mapOpenAICompatibleFinishReason('content_filter')).toBe('content-filter')
    expect(mapOpenAICompatibleFinishReason('insufficient_system_resource')).toBe('error')
    expect(mapOpenAICompatibleFinishReason('abort')).toBe('other')
    expect(mapOpenAICompatibleFinishReason(null)).toBe('unknown')
  })
})
