import { APICallError, LoadAPIKeyError, RateLimitError, TimeoutError } from '@dspex/provider'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture } from './__fixtures__/openai-test-server.js'
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js'
import { createOpenAI, openai } from './openai-provider.js'
import { OpenAIResponsesLanguageModel } from './openai-responses-language-model.js'

const apiKey = 'sk-proj-SECRET-test-key-1234567890'
const messages = [{ role: 'user', content: 'Hi' }] as const

let server: TestServer | undefined
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

describe('createOpenAI', () => {
  it('is callable and has languageModel, both giving a chat model with capabilities', () => {
    const provider = createOpenAI({ apiKey })
    const model = provider('gpt-4o-mini')
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'openai', modelId: 'gpt-4o-mini' })
    expect(model.capabilities.structuredOutputs).toBe(true)
    expect(provider.languageModel('o3').capabilities.reasoning).toBe(true)
    expect(openai('gpt-4o').modelId).toBe('gpt-4o')
  })

  it('sends the key, organization and headers to {baseURL}/chat/completions', async () => {
    server = await createTestServer(respondWith(200, readFixture('openai-text.json')))
    const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1/`, organization: 'org-1', headers: { 'x-extra': 'a' } })
    await provider('gpt-4o-mini').generate({ messages, headers: { 'x-request': 'b' } })
    const request = server.requests[0]
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/v1/chat/completions')
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(request?.headers['openai-organization']).toBe('org-1')
    expect(request?.headers['x-extra']).toBe('a')
    expect(request?.headers['x-request']).toBe('b')
    expect(JSON.parse(request?.body ?? '')).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })
  })

  it('reads OPENAI_API_KEY when a call is made, not before', async () => {
    server = await createTestServer(respondWith(200, readFixture('openai-text.json')))
    const saved = process.env.OPENAI_API_KEY
    try {
      delete process.env.OPENAI_API_KEY
      const model = createOpenAI({ baseURL: server.url })('gpt-4o-mini')
      expect(await catchError(model.generate({ messages }))).toBeInstanceOf(LoadAPIKeyError)
      process.env.OPENAI_API_KEY = 'sk-from-env'
      await model.generate({ messages })
      expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-from-env')
    } finally {
      if (saved === undefined) delete process.env.OPENAI_API_KEY
      else process.env.OPENAI_API_KEY = saved
    }
  })

  it('returns warnings for dropped options and every choice of n', async () => {
    const body = JSON.parse(readFixture('openai-text.json')) as { choices: Record<string, unknown>[] }
    const second = { ...body.choices[0], index: 1, message: { role: 'assistant', content: 'Second' }, finish_reason: 'length' }
    server = await createTestServer(respondWith(200, { ...body, choices: [...body.choices, second] }))
    const result = await createOpenAI({ apiKey, baseURL: server.url })('o3-mini').generate({ messages, n: 2, temperature: 0.5 })
    expect(result.choices.map((choice) => choice.finishReason)).toEqual(['stop', 'length'])
    expect(result.choices[1]?.text).toBe('Second')
    expect(result.warnings).toEqual(['o3-mini is a reasoning model: temperature 0.5 was dropped.'])
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ n: 2 })
  })

  it('sends a structured-output request in the documented shape', async () => {
    server = await createTestServer(respondWith(200, readFixture('openai-text.json')))
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }
    await createOpenAI({ apiKey, baseURL: server.url })('gpt-4o-mini').generate({
      messages: [
        { role: 'system', content: 'Answer.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Sky?' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          ],
        },
      ],
      responseFormat: { type: 'json_schema', name: 'Answer', schema, strict: true },
      maxTokens: 50,
    })
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Answer.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Sky?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
      ],
      max_tokens: 50,
      response_format: { type: 'json_schema', json_schema: { name: 'Answer', schema, strict: true } },
    })
  })
})

// Chat Completions protocol behaviour (error mapping, retries, aborts, refusals, stream failures) is tested through
// createOpenAICompatible in @dspex/openai-compatible. These check what createOpenAI gives its own transport: the
// provider name in messages, maxRetries and timeoutMs.
describe('errors', () => {
  it('reports a 429 as RateLimitError with retryAfterMs when retries run out', async () => {
    server = await createTestServer(respondWith(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' }))
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url, maxRetries: 0 })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(7000)
    expect((error as RateLimitError).isRetryable).toBe(true)
    expect((error as Error).message).toContain('Rate limit reached')
  })

  it("keeps OpenAI's message for the recorded legacy-parameter error", async () => {
    server = await createTestServer(respondWith(400, JSON.parse(readFixture('reasoning-model-legacy-parameter-error.json'))))
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url })('o3').generate({ messages }))
    expect(APICallError.isInstance(error)).toBe(true)
    expect((error as APICallError).isRetryable).toBe(false)
    expect((error as Error).message).toBe(
      "openai call failed with status 400: Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    )
  })

  it('throws TimeoutError when an attempt outlives timeoutMs', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const provider = createOpenAI({ apiKey, baseURL: server.url, timeoutMs: 30, maxRetries: 0 })
    const error = await catchError(provider('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).timeoutMs).toBe(30)
  })
})

describe('account headers and embeddings', () => {
  it('sends OpenAI-Project and posts embeddings with dimensions, at most 2048 values per call', async () => {
    server = await createTestServer(
      respondWith(200, {
        object: 'list',
        data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 2, total_tokens: 2 },
      }),
    )
    const provider = createOpenAI({ apiKey, baseURL: server.url, project: 'proj_1' })
    const model = provider.embedding('text-embedding-3-small', { dimensions: 2 })
    expect(model).toMatchObject({ provider: 'openai', modelId: 'text-embedding-3-small', maxEmbeddingsPerCall: 2048 })
    const result = await model.embed({ values: ['hello world'] })
    expect(result.embeddings).toEqual([[0.1, 0.2]])
    expect(server.requests[0]?.headers['openai-project']).toBe('proj_1')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      model: 'text-embedding-3-small',
      input: ['hello world'],
      encoding_format: 'float',
      dimensions: 2,
    })
  })

  it('keeps chat as the default API and switches to responses with api: responses', () => {
    expect(createOpenAI({ apiKey })('gpt-4o')).toBeInstanceOf(OpenAIChatLanguageModel)
    expect(createOpenAI({ apiKey, api: 'responses' })('gpt-4o')).toBeInstanceOf(OpenAIResponsesLanguageModel)
    expect(createOpenAI({ apiKey, api: 'responses' }).chat('gpt-4o')).toBeInstanceOf(OpenAIChatLanguageModel)
  })
})
