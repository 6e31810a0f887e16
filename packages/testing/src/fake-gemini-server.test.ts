import { afterEach, describe, expect, it } from 'vitest'
import { startFakeGeminiServer } from './fake-gemini-server.js'
import type { FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"contents":[]}' })

describe('startFakeGeminiServer', () => {
  it('answers generateContent with candidates and usage metadata', async () => {
    server = await startFakeGeminiServer({ reply: () => 'Paris' })
    const body = JSON.parse(await (await post(`${server.url}/models/gemini-2.5-flash:generateContent`)).text())
    expect(body.candidates[0]).toMatchObject({ content: { role: 'model', parts: [{ text: 'Paris' }] }, finishReason: 'STOP' })
    expect(body.usageMetadata).toEqual({ promptTokenCount: 10, candidatesTokenCount: 1, totalTokenCount: 11 })
    expect(body.modelVersion).toBe('gemini-2.5-flash')
  })

  it('streams streamGenerateContent?alt=sse as whole responses, the last with STOP and usage', async () => {
    server = await startFakeGeminiServer({ reply: () => 'Hello Paris' })
    const text = await (await post(`${server.url}/models/gemini-2.5-flash:streamGenerateContent?alt=sse`)).text()
    const chunks = text
      .split('\r\n\r\n')
      .filter(Boolean)
      .map((event) => JSON.parse(event.slice('data: '.length)))
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0]?.text ?? '').join('')).toBe('Hello Paris')
    expect(chunks.at(-1)).toMatchObject({ candidates: [{ finishReason: 'STOP' }], usageMetadata: { totalTokenCount: 12 } })
    expect(server.requests[0]?.stream).toBe(true)
  })
})
