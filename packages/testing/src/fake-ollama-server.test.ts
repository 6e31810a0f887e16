import { afterEach, describe, expect, it } from 'vitest'
import { startFakeOllamaServer } from './fake-ollama-server.js'
import type { FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown) => fetch(`${url}/api/chat`, { method: 'POST', body: JSON.stringify(body) })

describe('startFakeOllamaServer', () => {
  it('answers /api/chat with stream: false as one JSON object', async () => {
    server = await startFakeOllamaServer({ reply: () => 'Paris' })
    const body = JSON.parse(await (await post(server.url, { model: 'llama3.2', messages: [], stream: false })).text())
    expect(body).toMatchObject({
      model: 'llama3.2',
      message: { role: 'assistant', content: 'Paris' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 10,
      eval_count: 1,
    })
  })

  it('streams NDJSON lines, the last with done: true', async () => {
    server = await startFakeOllamaServer({ reply: () => 'Hello Paris' })
    const response = await post(server.url, { model: 'llama3.2', messages: [] })
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    const lines = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
    expect(lines.map((line) => line.message.content).join('')).toBe('Hello Paris')
    expect(lines.map((line) => line.done)).toEqual([false, false, true])
  })

  it('answers /api/embed with one vector per input and prompt_eval_count, as Ollama documents it', async () => {
    server = await startFakeOllamaServer()
    const response = await fetch(`${server.url}/api/embed`, {
      method: 'POST',
      body: JSON.stringify({ model: 'all-minilm', input: ['Why is the sky blue?', 'Why is grass green?'], dimensions: 4 }),
    })
    const body = (await response.json()) as { embeddings: number[][] }
    expect(body).toMatchObject({ model: 'all-minilm', prompt_eval_count: 9 })
    expect(body.embeddings).toHaveLength(2)
    expect(body.embeddings[0]).toHaveLength(4)
    expect(server.requests[0]?.stream).toBe(false)
  })
})
