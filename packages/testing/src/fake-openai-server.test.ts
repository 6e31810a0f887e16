import { afterEach, describe, expect, it } from 'vitest'
import { startFakeOpenAIServer } from './fake-openai-server.js'
import type { FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('startFakeOpenAIServer', () => {
  it('answers a chat completion as JSON with usage and records the request', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'Paris' })
    const response = await post(server.url, { model: 'gpt-4o-mini', messages: [] })
    expect(response.status).toBe(200)
    const body = JSON.parse(await response.text())
    expect(body.object).toBe('chat.completion')
    expect(body.model).toBe('gpt-4o-mini')
    expect(body.choices[0].message).toMatchObject({ role: 'assistant', content: 'Paris' })
    expect(body.choices[0].finish_reason).toBe('stop')
    expect(body.usage).toEqual({ prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.json).toEqual({ model: 'gpt-4o-mini', messages: [] })
  })

  it('streams SSE chunks, then a usage chunk, then data: [DONE]', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'The answer is Paris' })
    const response = await post(server.url, { model: 'gpt-4o-mini', messages: [], stream: true })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = (await response.text()).split('\n\n').filter(Boolean)
    expect(events.at(-1)).toBe('data: [DONE]')
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)))
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')
    expect(text).toBe('The answer is Paris')
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop')
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 14 } })
  })

  it('writes tool calls with JSON-encoded arguments', async () => {
    server = await startFakeOpenAIServer({ reply: () => ({ toolCalls: [{ name: 'search', arguments: { q: 'x' } }] }) })
    const body = JSON.parse(await (await post(server.url, { model: 'm', messages: [] })).text())
    expect(body.choices[0].finish_reason).toBe('tool_calls')
    expect(body.choices[0].message.tool_calls[0]).toEqual({
      id: 'call_0',
      type: 'function',
      function: { name: 'search', arguments: '{"q":"x"}' },
    })
  })
})
