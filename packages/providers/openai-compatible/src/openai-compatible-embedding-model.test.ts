import { AuthenticationError, embedMany, InvalidResponseDataError } from '@dspex/provider'
import { createTestServer, type FakeProviderServer, respondWith, startFakeOpenAIServer, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { openaiEmbeddingsReply } from './__fixtures__/openai-embeddings.js'
import { TooManyEmbeddingValuesError } from './errors/too-many-embedding-values-error.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'

let server: TestServer | FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('OpenAICompatibleEmbeddingModel', () => {
  it('posts input, encoding_format and dimensions to /embeddings and returns vectors in input order', async () => {
    server = await createTestServer(respondWith(200, openaiEmbeddingsReply))
    const provider = createOpenAICompatible({ name: 'openai', apiKey: 'sk-test', baseURL: server.url })
    const model = provider.embedding('text-embedding-3-small', { dimensions: 3 })
    expect(model).toMatchObject({
      specificationVersion: 'v1',
      provider: 'openai',
      modelId: 'text-embedding-3-small',
      maxEmbeddingsPerCall: undefined,
    })
    const result = await model.embed({ values: ['sunny day', 'rainy day'], providerOptions: { openai: { user: 'u-1' } } })
    expect(result.embeddings).toEqual([openaiEmbeddingsReply.data[1]?.embedding, openaiEmbeddingsReply.data[0]?.embedding])
    expect(result.usage).toEqual({ promptTokens: 8, completionTokens: 0, totalTokens: 8 })
    expect(result.raw).toEqual(openaiEmbeddingsReply)
    expect(server.requests[0]?.path).toBe('/embeddings')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      model: 'text-embedding-3-small',
      input: ['sunny day', 'rainy day'],
      encoding_format: 'float',
      dimensions: 3,
      user: 'u-1',
    })
  })

  it('embeds through the fake OpenAI server, batching with embedMany', async () => {
    const fake = await startFakeOpenAIServer()
    server = fake
    const model = createOpenAICompatible({ name: 'lmstudio', baseURL: fake.url }).embedding('nomic-embed-text', { maxEmbeddingsPerCall: 2 })
    const result = await embedMany(model, { values: ['a b', 'c', 'a b'] })
    expect(result.embeddings).toHaveLength(3)
    expect(result.embeddings[0]).toHaveLength(8)
    expect(result.embeddings[0]).toEqual(result.embeddings[2])
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 0, totalTokens: 5 })
    expect(fake.requests.map((request) => (request.json as { input: string[] }).input)).toEqual([['a b', 'c'], ['a b']])
  })

  it('throws TooManyEmbeddingValuesError before any request when a call carries too many values', async () => {
    server = await startFakeOpenAIServer()
    const model = createOpenAICompatible({ name: 'vllm', baseURL: server.url }).embedding('e5', { maxEmbeddingsPerCall: 1 })
    const error = await catchError(model.embed({ values: ['a', 'b'] }))
    expect(error).toBeInstanceOf(TooManyEmbeddingValuesError)
    expect(server.requests).toHaveLength(0)
  })

  it('maps errors and rejects a reply with the wrong number of vectors', async () => {
    server = await createTestServer([
      respondWith(401, { error: { message: 'Incorrect API key provided: sk-secret-123.' } }),
      respondWith(200, { ...openaiEmbeddingsReply, data: openaiEmbeddingsReply.data.slice(0, 1) }),
    ])
    const model = createOpenAICompatible({ name: 'openai', apiKey: 'sk-secret-123', baseURL: server.url }).embedding('text-embedding-3-small')
    const unauthorized = await catchError(model.embed({ values: ['a', 'b'] }))
    expect(unauthorized).toBeInstanceOf(AuthenticationError)
    expect((unauthorized as Error).message).not.toContain('sk-secret-123')
    expect(await catchError(model.embed({ values: ['a', 'b'] }))).toBeInstanceOf(InvalidResponseDataError)
  })
})
