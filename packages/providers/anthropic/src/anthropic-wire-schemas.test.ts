import { describe, expect, it } from 'vitest'
import { readFixture } from './__fixtures__/anthropic-test-server.js'
import { isAnthropicMessage, isAnthropicStreamEvent } from './anthropic-wire-schemas.js'

describe('Anthropic wire checks', () => {
  it('accepts every recorded message', () => {
    for (const name of ['anthropic-text', 'anthropic-tool-no-args', 'anthropic-json-tool.1', 'anthropic-refusal']) {
      expect(isAnthropicMessage(JSON.parse(readFixture(`${name}.json`)))).toBe(true)
    }
  })

  it('rejects bodies without typed content blocks', () => {
    expect(isAnthropicMessage({ content: 'text' })).toBe(false)
    expect(isAnthropicMessage({ content: [{ text: 'no type' }] })).toBe(false)
    expect(isAnthropicMessage(null)).toBe(false)
  })

  it('checks stream events by their type', () => {
    expect(isAnthropicStreamEvent({ type: 'ping' })).toBe(true)
    expect(isAnthropicStreamEvent({ event: 'ping' })).toBe(false)
  })
})
