import { type TestServer, createTestServer, respondWith } from '@dspex/testing'
import {
  APICallError,
  AuthenticationError,
  ContextWindowExceededError,
  InvalidResponseDataError,
  LoadAPIKeyError,
  RateLimitError,
  StreamInterruptedError,
  TimeoutError,
} from '@dspex/provider'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js'
import { createOpenAI, openai } from './openai-provider.js'
import { OpenAIResponsesLanguageModel } from './openai-responses-language-model.js'
import { readFixture, sendFixtureJson } from './testing/openai-test-server.js'

const apiKey = 'sk-proj-SECRET-test-key-1234567890'
const messages = [{ role: 'user', content: 'Hi' }] as const

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function collect<Part>(stream: AsyncIterable<Part>): Promise<Part[]> {
  const parts: Part[] = []
  for await (const part of stream) parts.push(part)
  return parts
}

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
    server = await createTestServer(sendFixtureJson('openai-text'))
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
    server = await createTestServer(sendFixtureJson('openai-text'))
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
})

describe('errors', () => {
  it('maps 401 to AuthenticationError with OpenAI message and the key redacted', async () => {
    server = await createTestServer(
      respondWith(401, {
        error: { message: `Incorrect API key provided: ${apiKey}.`, type: 'invalid_request_error', code: 'invalid_api_key' },
      }),
    )
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(server.requests).toHaveLength(1)
    const text = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).message)
    expect(text).not.toContain(apiKey)
    expect((error as Error).message).toContain('Incorrect API key provided')
    expect((error as APICallError).statusCode).toBe(401)
  })

  it('retries a 429 after retry-after, then succeeds', async () => {
    server = await createTestServer([
      respondWith(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '0' }),
      sendFixtureJson('openai-text'),
    ])
    const result = await createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
    expect(result.choices[0]?.finishReason).toBe('stop')
    expect(server.requests).toHaveLength(2)
  })

  it('reports a 429 as RateLimitError with retryAfterMs when retries run out', async () => {
    server = await createTestServer(respondWith(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' }))
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url, maxRetries: 0 })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(7000)
    expect((error as RateLimitError).isRetryable).toBe(true)
    expect((error as Error).message).toContain('Rate limit reached')
  })

  it('retries a 500 and returns the next success', async () => {
    server = await createTestServer([
      respondWith(500, { error: { message: 'The server had an error' } }, { 'retry-after-ms': '1' }),
      sendFixtureJson('mistral-tool-call'),
    ])
    const result = await createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
    expect(result.choices[0]?.toolCalls?.[0]?.name).toBe('weather')
    expect(server.requests).toHaveLength(2)
  })

  it('maps context_length_exceeded to ContextWindowExceededError without retrying', async () => {
    server = await createTestServer(
      respondWith(400, {
        error: {
          message: "This model's maximum context length is 128000 tokens.",
          type: 'invalid_request_error',
          code: 'context_length_exceeded',
        },
      }),
    )
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(ContextWindowExceededError)
    expect((error as Error).message).toContain('maximum context length is 128000 tokens')
    expect(server.requests).toHaveLength(1)
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

  it('throws InvalidResponseDataError with the raw text when tool arguments are not JSON', async () => {
    const body = JSON.parse(readFixture('mistral-tool-call.json')) as {
      choices: { message: { tool_calls: { function: { arguments: string } }[] } }[]
    }
    const call = body.choices[0]?.message.tool_calls[0]
    if (call) call.function.arguments = '{"location": "San Fr'
    server = await createTestServer(respondWith(200, body))
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(InvalidResponseDataError)
    expect((error as InvalidResponseDataError).text).toBe('{"location": "San Fr')
  })

  it('throws InvalidResponseDataError when the response has the wrong shape', async () => {
    server = await createTestServer(respondWith(200, { choices: [{ message: { content: 42 } }] }))
    const error = await catchError(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(InvalidResponseDataError)
  })

  it('honours an abort signal', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const controller = new AbortController()
    const reason = new Error('stopped by the caller')
    const pending = createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 20)
    expect(await catchError(pending)).toBe(reason)
  })
})

describe('timeouts, aborts and refusals', () => {
  it('throws TimeoutError when an attempt outlives timeoutMs', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const provider = createOpenAI({ apiKey, baseURL: server.url, timeoutMs: 30, maxRetries: 0 })
    const error = await catchError(provider('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).timeoutMs).toBe(30)
  })

  it('stops a stream when the caller aborts mid-stream', async () => {
    const lines = readFixture('openai-text.chunks.txt').split('\n').filter(Boolean).slice(0, 4)
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      for (const line of lines) response.write(`data: ${line}\n\n`)
    })
    const controller = new AbortController()
    const reason = new Error('enough')
    const parts: unknown[] = []
    const error = await catchError(
      (async () => {
        for await (const part of createOpenAI({ apiKey, baseURL: server?.url ?? '' })('gpt-4o').stream({
          messages,
          signal: controller.signal,
        })) {
          parts.push(part)
          controller.abort(reason)
        }
      })(),
    )
    expect(error).toBe(reason)
    expect(parts).toHaveLength(1)
  })

  it('reports a refusal as the refusal finish reason', async () => {
    server = await createTestServer(
      respondWith(200, {
        model: 'gpt-4o-2024-08-06',
        choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' }, finish_reason: 'stop' }],
      }),
    )
    const result = await createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
    expect(result.choices[0]).toEqual({ text: null, finishReason: 'refusal' })
    expect(result.usage).toBeUndefined()
  })

  it('sends a structured-output request in the documented shape', async () => {
    server = await createTestServer(sendFixtureJson('openai-text'))
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }
    await createOpenAI({ apiKey, baseURL: server.url })('gpt-4o-mini').generate({
      messages: [
        { role: 'system', content: 'Answer.' },
        { role: 'user', content: [{ type: 'text', text: 'Sky?' }, { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] },
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

describe('stream errors', () => {
  it('throws StreamInterruptedError when the connection is cut mid-stream', async () => {
    const lines = readFixture('openai-text.chunks.txt').split('\n').filter(Boolean).slice(0, 5)
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      for (const line of lines) response.write(`data: ${line}\n\n`)
      response.write('data: {"id":"chatcmpl-cut","choi')
      setTimeout(() => response.destroy(), 10)
    })
    const stream = createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').stream({ messages })
    const parts: unknown[] = []
    const error = await catchError(
      (async () => {
        for await (const part of stream) parts.push(part)
      })(),
    )
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect(parts.length).toBeGreaterThan(0)
  })

  it('throws StreamInterruptedError when the stream closes before a finish reason', async () => {
    const lines = readFixture('openai-text.chunks.txt').split('\n').filter(Boolean).slice(0, 3)
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(lines.map((line) => `data: ${line}\n\n`).join(''))
    })
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })

  it('raises an error event sent inside the stream', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end('data: {"error":{"message":"The server had an error while processing your request."}}\n\n')
    })
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
    expect(APICallError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('The server had an error')
  })

  it('retries a 500 before the stream starts, and maps 401 with the key redacted', async () => {
    const lines = readFixture('groq-text.chunks.txt').split('\n').filter(Boolean)
    server = await createTestServer([
      respondWith(503, { error: { message: 'overloaded' } }, { 'retry-after': '0' }),
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.end(`${lines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`)
      },
    ])
    const parts = await collect(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').stream({ messages }))
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' })
    await server.close()

    server = await createTestServer(respondWith(401, { error: { message: `Incorrect API key provided: ${apiKey}` } }))
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(apiKey)
  })
})

describe('account headers and embeddings', () => {
  it('sends OpenAI-Project and posts embeddings with dimensions, at most 2048 values per call', async () => {
    server = await createTestServer(
      respondWith(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 2, total_tokens: 2 } }),
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
