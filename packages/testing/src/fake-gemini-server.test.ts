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

  interface Embedded {
    readonly embedding: { readonly values: number[] }
    readonly embeddings: readonly { readonly values: number[] }[]
  }

  it('answers embedContent with one vector and batchEmbedContents with one per request, as Google documents them', async () => {
    server = await startFakeGeminiServer()
    const embed = (path: string, body: unknown) =>
      fetch(`${server?.url}/models/gemini-embedding-001:${path}`, { method: 'POST', body: JSON.stringify(body) }).then(
        (response) => response.json() as Promise<Embedded>,
      )
    const single = await embed('embedContent', { content: { parts: [{ text: 'sky' }] }, outputDimensionality: 4 })
    expect(single).toEqual({ embedding: { values: expect.any(Array) } })
    expect(single.embedding.values).toHaveLength(4)
    const text = (value: string) => ({ model: 'models/gemini-embedding-001', content: { parts: [{ text: value }] } })
    const batch = await embed('batchEmbedContents', { requests: [text('sky'), text('grass'), text('sky')] })
    expect(batch.embeddings).toHaveLength(3)
    expect(batch.embeddings[0]?.values).toHaveLength(8)
    expect(batch.embeddings[2]).toEqual(batch.embeddings[0])
    expect(batch.embeddings[1]).not.toEqual(batch.embeddings[0])
    expect(server.requests.map((request) => request.stream)).toEqual([false, false])
  })
})
