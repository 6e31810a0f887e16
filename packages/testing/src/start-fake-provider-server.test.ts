import { afterEach, describe, expect, it } from 'vitest'
import { startFakeProviderServer } from './start-fake-provider-server.js'
import { defaultFakeReplyText, type FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('startFakeProviderServer', () => {
  it('echoes a fixed text by default', async () => {
    server = await startFakeProviderServer({ protocol: 'openai' })
    const body = JSON.parse(await (await post(server.url, { model: 'm' })).text())
    expect(body.choices[0].message.content).toBe(defaultFakeReplyText)
  })

  it('takes faults from a queue, one per request, then answers normally', async () => {
    server = await startFakeProviderServer({
      protocol: 'openai',
      faults: [{ status: 429, retryAfterSeconds: 2 }, { status: 500 }],
    })
    const first = await post(server.url, { model: 'm' })
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2'])
    await first.text()
    expect((await post(server.url, { model: 'm' })).status).toBe(500)
    expect((await post(server.url, { model: 'm' })).status).toBe(200)
    expect(server.requests).toHaveLength(3)
  })

  it('chooses faults with a function given the request index', async () => {
    server = await startFakeProviderServer({ protocol: 'anthropic', faults: (_request, index) => (index === 0 ? { status: 503 } : undefined) })
    const url = `${server.url}/messages`
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(503)
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(200)
  })

  it('waits for injected latency', async () => {
    server = await startFakeProviderServer({ protocol: 'openai', faults: [{ latencyMs: 60 }] })
    const started = performance.now()
    await (await post(server.url, { model: 'm' })).text()
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('resets the connection', async () => {
    server = await startFakeProviderServer({ protocol: 'openai', faults: [{ reset: true }] })
    await expect(post(server.url, { model: 'm' })).rejects.toThrow()
  })

  it('sends malformed JSON with status 200', async () => {
    server = await startFakeProviderServer({ protocol: 'openai', faults: [{ malformedJSON: true }] })
    const response = await post(server.url, { model: 'm' })
    expect(response.status).toBe(200)
    await expect(response.clone().json()).rejects.toThrow()
  })

  it('cuts a stream in the middle of an event', async () => {
    server = await startFakeProviderServer({ protocol: 'ollama', reply: () => 'one two three four five', faults: [{ truncateStream: true }] })
    const response = await fetch(`${server.url}/api/chat`, { method: 'POST', body: '{"model":"m"}' })
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow()
  })

  it('keeps connections alive between calls', async () => {
    server = await startFakeProviderServer({ protocol: 'openai' })
    const response = await post(server.url, { model: 'm' })
    await response.text()
    expect(response.headers.get('connection')).toBe('keep-alive')
  })

  it('rejects an unknown protocol', () => {
    expect(() => startFakeProviderServer({ protocol: 'nope' as never })).toThrow('unknown protocol "nope"')
  })
})
