import { AuthenticationError, embedMany, InvalidResponseDataError, LoadAPIKeyError, RateLimitError } from '@dspex/provider'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readLocalFixture } from './__fixtures__/google-test-server.js'
import { GoogleGenerativeAIEmbeddingModel } from './google-generative-ai-embedding-model.js'
import { createGoogle } from './google-provider.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.unstubAllEnvs()
})

const apiKey = 'AIza-secret-embedding-key'
const single = readLocalFixture('google-embed-content.json')
const batch = readLocalFixture('google-batch-embed-contents.json')
const bodyOf = (index: number): unknown => JSON.parse(server?.requests[index]?.body ?? '')

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('google embedding model', () => {
  it('describes itself as an EmbeddingModel of at most 100 values per call', () => {
    const model = createGoogle({ apiKey }).embedding('gemini-embedding-001')
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'google', modelId: 'gemini-embedding-001', maxEmbeddingsPerCall: 100 })
    expect(model).toBeInstanceOf(GoogleGenerativeAIEmbeddingModel)
  })

  it('posts one value to embedContent with x-goog-api-key and the model settings', async () => {
    server = await createTestServer([respondWith(200, single)])
    const google = createGoogle({ apiKey, baseURL: `${server.url}/`, headers: { 'x-team': 'a' } })
    const model = google.embedding('gemini-embedding-001', { outputDimensionality: 768, taskType: 'SEMANTIC_SIMILARITY' })
    const result = await model.embed({ values: ['What is the meaning of life?'], headers: { 'x-call': 'b' } })
    const request = server.requests[0]
    expect(request?.path).toBe('/models/gemini-embedding-001:embedContent')
    expect(request?.headers).toMatchObject({ 'x-goog-api-key': apiKey, 'x-team': 'a', 'x-call': 'b' })
    expect(bodyOf(0)).toEqual({
      content: { parts: [{ text: 'What is the meaning of life?' }] },
      taskType: 'SEMANTIC_SIMILARITY',
      outputDimensionality: 768,
    })
    expect(result.embeddings).toEqual([JSON.parse(single).embedding.values])
    expect(result.usage).toBeUndefined()
    expect(result.raw).toEqual(JSON.parse(single))
  })

  it('posts several values to batchEmbedContents, one request each, and keeps their order', async () => {
    server = await createTestServer([respondWith(200, batch)])
    const model = createGoogle({ apiKey, baseURL: server.url }).embedding('models/text-embedding-004')
    const result = await model.embed({
      values: ['sunny day', 'rainy day'],
      providerOptions: { google: { taskType: 'RETRIEVAL_DOCUMENT' } },
    })
    expect(server.requests[0]?.path).toBe('/models/text-embedding-004:batchEmbedContents')
    expect(bodyOf(0)).toEqual({
      requests: [
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'sunny day' }] }, taskType: 'RETRIEVAL_DOCUMENT' },
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'rainy day' }] }, taskType: 'RETRIEVAL_DOCUMENT' },
      ],
    })
    expect(result.embeddings).toEqual(JSON.parse(batch).embeddings.map((embedding: { values: number[] }) => embedding.values))
  })

  it('lets providerOptions.google override the model settings per call', async () => {
    server = await createTestServer([respondWith(200, single)])
    const model = createGoogle({ apiKey, baseURL: server.url }).embedding('gemini-embedding-001', { taskType: 'CLUSTERING' })
    await model.embed({ values: ['q'], providerOptions: { google: { taskType: 'RETRIEVAL_QUERY', outputDimensionality: 256 } } })
    expect(bodyOf(0)).toMatchObject({ taskType: 'RETRIEVAL_QUERY', outputDimensionality: 256 })
  })

  it('makes no call for no values', async () => {
    expect(await createGoogle({ apiKey, baseURL: 'http://127.0.0.1:9' }).embedding('gemini-embedding-001').embed({ values: [] })).toEqual({
      embeddings: [],
    })
  })

  it('is split into calls of 100 by embedMany', async () => {
    const vector = [0.5, -0.5]
    server = await createTestServer((request, response) => {
      const count = (JSON.parse(request.body) as { requests: unknown[] }).requests.length
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ embeddings: Array(count).fill({ values: vector }) }))
    })
    const values = Array.from({ length: 150 }, (_, index) => `text ${index}`)
    const { embeddings } = await embedMany(createGoogle({ apiKey, baseURL: server.url }).embedding('gemini-embedding-001'), { values })
    expect(embeddings).toHaveLength(150)
    expect(server.requests.map((request) => (JSON.parse(request.body) as { requests: unknown[] }).requests.length)).toEqual([100, 50])
  })

  it('reads the API key when a call is made', async () => {
    server = await createTestServer([respondWith(200, single)])
    vi.stubEnv('GOOGLE_GENERATIVE_AI_API_KEY', '')
    vi.stubEnv('GEMINI_API_KEY', '')
    const model = createGoogle({ baseURL: server.url }).embedding('gemini-embedding-001')
    expect(LoadAPIKeyError.isInstance(await failure(model.embed({ values: ['x'] })))).toBe(true)
    vi.stubEnv('GEMINI_API_KEY', 'later-key')
    await model.embed({ values: ['x'] })
    expect(server.requests[0]?.headers['x-goog-api-key']).toBe('later-key')
  })

  it('maps errors with the key redacted, and retries a 429', async () => {
    const denied = JSON.stringify({ error: { code: 403, message: `API key ${apiKey} not valid.`, status: 'PERMISSION_DENIED' } })
    server = await createTestServer([respondWith(403, denied)])
    const error = await failure(
      createGoogle({ apiKey, baseURL: server.url })
        .embedding('gemini-embedding-001')
        .embed({ values: ['x'] }),
    )
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect(JSON.stringify(error)).not.toContain(apiKey)
    expect((error as Error).message).not.toContain(apiKey)
    await server.close()

    const exhausted = JSON.stringify({ error: { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' } })
    server = await createTestServer([respondWith(429, exhausted, { 'retry-after': '0' }), respondWith(200, single)])
    const result = await createGoogle({ apiKey, baseURL: server.url })
      .embedding('gemini-embedding-001')
      .embed({ values: ['x'] })
    expect(result.embeddings).toHaveLength(1)
    expect(server.requests).toHaveLength(2)

    await server.close()
    server = await createTestServer([respondWith(429, exhausted, { 'retry-after': '0' })])
    const limited = await failure(
      createGoogle({ apiKey, baseURL: server.url, maxRetries: 0 })
        .embedding('gemini-embedding-001')
        .embed({ values: ['x'] }),
    )
    expect(RateLimitError.isInstance(limited)).toBe(true)
  })

  it('rejects a reply with the wrong number of vectors', async () => {
    server = await createTestServer([respondWith(200, single.replace('"embedding"', '"embeddingz"'))])
    const model = createGoogle({ apiKey, baseURL: server.url }).embedding('gemini-embedding-001')
    expect(InvalidResponseDataError.isInstance(await failure(model.embed({ values: ['x'] })))).toBe(true)
    await server.close()
    server = await createTestServer([respondWith(200, batch)])
    const error = await failure(
      createGoogle({ apiKey, baseURL: server.url })
        .embedding('gemini-embedding-001')
        .embed({ values: ['a', 'b', 'c'] }),
    )
    expect(InvalidResponseDataError.isInstance(error) && error.message).toContain('2 embeddings for 3 values')
  })

  it('honours the signal', async () => {
    server = await createTestServer(() => undefined)
    const controller = new AbortController()
    const reason = new Error('stop')
    const pending = createGoogle({ apiKey, baseURL: server.url })
      .embedding('gemini-embedding-001')
      .embed({ values: ['x'], signal: controller.signal })
    setTimeout(() => controller.abort(reason), 10)
    expect(await failure(pending)).toBe(reason)
  })
})
