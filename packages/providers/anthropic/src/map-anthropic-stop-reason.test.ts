import { describe, expect, it } from 'vitest'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js'

describe('mapAnthropicStopReason', () => {
  it('maps every documented stop reason', () => {
    expect(mapAnthropicStopReason('end_turn')).toBe('stop')
    expect(mapAnthropicStopReason('stop_sequence')).toBe('stop')
    expect(mapAnthropicStopReason('pause_turn')).toBe('stop')
    expect(mapAnthropicStopReason('max_tokens')).toBe('length')
    expect(mapAnthropicStopReason('model_context_window_exceeded')).toBe('length')
    expect(mapAnthropicStopReason('tool_use')).toBe('tool-calls')
    expect(mapAnthropicStopReason('refusal')).toBe('refusal')
  })

  it('treats the forced json tool as a normal stop', () => {
    expect(mapAnthropicStopReason('tool_use', true)).toBe('stop')
  })

  it('reports unknown and missing reasons as unknown', () => {
    expect(mapAnthropicStopReason('something_new')).toBe('unknown')
    expect(mapAnthropicStopReason(null)).toBe('unknown')
  })
})
