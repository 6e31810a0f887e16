import { afterEach, describe, expect, it } from 'vitest'
import { startFakeAnthropicServer } from './fake-anthropic-server.js'
import type { FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown) =>
  fetch(`${url}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('startFakeAnthropicServer', () => {
  it('answers a message as JSON', async () => {
    server = await startFakeAnthropicServer({ reply: () => 'Paris' })
    const body = JSON.parse(await (await post(server.url, { model: 'claude-x', messages: [] })).text())
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-x',
      content: [{ type: 'text', text: 'Paris' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 10, output_tokens: 1 },
    })
  })

  it('streams SSE with event lines from message_start to message_stop', async () => {
    server = await startFakeAnthropicServer({ reply: () => 'Hi there' })
    const text = await (await post(server.url, { model: 'claude-x', messages: [], stream: true })).text()
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((event) => event.split('\n'))
    const types = events.map(([line]) => line?.slice('event: '.length))
    expect(types).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    for (const [eventLine, dataLine] of events) {
      expect(JSON.parse(dataLine?.slice('data: '.length) ?? '').type).toBe(eventLine?.slice('event: '.length))
    }
  })

  it('answers an injected 429 with an Anthropic error body and retry-after', async () => {
    server = await startFakeAnthropicServer({ faults: [{ status: 429, retryAfterSeconds: 3 }] })
    const response = await post(server.url, { model: 'claude-x', messages: [] })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('3')
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
  })
})
