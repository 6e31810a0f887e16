import { describe, expect, it } from 'vitest'
import { mapOllamaDoneReason } from './map-ollama-done-reason.js'

describe('mapOllamaDoneReason', () => {
  it('maps stop, length, tool calls, load and missing reasons', () => {
    expect(mapOllamaDoneReason('stop', false)).toBe('stop')
    expect(mapOllamaDoneReason('stop', true)).toBe('tool-calls')
    expect(mapOllamaDoneReason('length', true)).toBe('length')
    expect(mapOllamaDoneReason('load', false)).toBe('other')
    expect(mapOllamaDoneReason(undefined, false)).toBe('unknown')
  })
})
