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
import { createTestServer, replayServerSentEvents, respondWith, type TestServer, toServerSentEvents } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture, sendFixtureJSON } from './__fixtures__/openai-compatible-test-server.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'

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

describe('createOpenAICompatible', () => {
  it('is callable and has languageModel and chat, named after the provider, with capabilities from the quirks', () => {
    const provider = createOpenAICompatible({ name: 'vllm', baseURL: 'http://127.0.0.1:1/v1', quirks: { structuredOutputs: true } })
    const model = provider('Qwen/Qwen3-8B')
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'vllm', modelId: 'Qwen/Qwen3-8B' })
    expect(model.capabilities).toEqual({ structuredOutputs: true, jsonMode: true, toolCalling: true, reasoning: false, images: false })
    expect(provider.languageModel('m').capabilities.structuredOutputs).toBe(true)
    expect(provider.chat('m').provider).toBe('vllm')
    const tuned = createOpenAICompatible({
      name: 'lmstudio',
      baseURL: 'http://127.0.0.1:1/v1',
      quirks: (modelId) => ({ tools: !modelId.includes('gemma') }),
      capabilities: { images: true },
    })
    expect(tuned('gemma-3').capabilities).toMatchObject({ toolCalling: false, images: true, structuredOutputs: false })
    const fixed = { structuredOutputs: true, jsonMode: true, toolCalling: true, reasoning: true, images: true }
    expect(createOpenAICompatible({ name: 'x', baseURL: 'http://127.0.0.1:1', capabilities: () => fixed })('m').capabilities).toBe(fixed)
  })

  it('sends the key, headers, query parameters and the quirked body to {baseURL}/chat/completions', async () => {
    server = await createTestServer(sendFixtureJSON('deepseek-text'))
    const provider = createOpenAICompatible({
      name: 'azure',
      apiKey,
      baseURL: `${server.url}/openai/`,
      headers: { 'x-extra': 'a' },
      queryParams: { 'api-version': '2025-04-01-preview' },
      quirks: { maxTokensParameter: 'max_completion_tokens' },
    })
    await provider('gpt-4o-mini').generate({ messages, headers: { 'x-request': 'b' }, maxTokens: 20, providerOptions: { azure: { user: 'u1' } } })
    const request = server.requests[0]
    expect(request?.path).toBe('/openai/chat/completions?api-version=2025-04-01-preview')
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(request?.headers['x-extra']).toBe('a')
    expect(request?.headers['x-request']).toBe('b')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      max_completion_tokens: 20,
      user: 'u1',
    })
  })

  it('sends no authorization header to a local server without a key', async () => {
    server = await createTestServer(sendFixtureJSON('groq-text'))
    await createOpenAICompatible({ name: 'llamacpp', baseURL: server.url })('local').generate({ messages })
    expect(server.requests[0]?.headers.authorization).toBeUndefined()
  })

  it('reads apiKeyEnvironmentVariable when a call is made, not before', async () => {
    server = await createTestServer(sendFixtureJSON('groq-text'))
    const model = createOpenAICompatible({ name: 'groq', baseURL: server.url, apiKeyEnvironmentVariable: 'DSPEX_TEST_GROQ_KEY' })('llama')
    try {
      expect(await catchError(model.generate({ messages }))).toBeInstanceOf(LoadAPIKeyError)
      process.env.DSPEX_TEST_GROQ_KEY = 'gsk-from-env'
      await model.generate({ messages })
      expect(server.requests[0]?.headers.authorization).toBe('Bearer gsk-from-env')
    } finally {
      delete process.env.DSPEX_TEST_GROQ_KEY
    }
  })

  it('returns the quirk warnings with the result', async () => {
    server = await createTestServer(sendFixtureJSON('deepseek-text'))
    const schema = { type: 'object', properties: { answer: { type: 'string' } } }
    const result = await createOpenAICompatible({ name: 'deepseek', apiKey, baseURL: server.url })('deepseek-chat').generate({
      messages,
      responseFormat: { type: 'json_schema', name: 'Answer', schema, strict: true },
    })
    expect(result.warnings).toEqual(['responseFormat json_schema Answer was sent as json_object: the server does not enforce schemas.'])
    expect(JSON.parse(server.requests[0]?.body ?? '').response_format).toEqual({ type: 'json_object' })
  })

  it('reads reasoning from `reasoning_content` first by default, and from `reasoning` (Groq, OpenRouter) with reasoningField', async () => {
    const body = {
      model: 'qwen/qwen3-32b',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Paris', reasoning: 'The capital is Paris.', reasoning_content: 'other' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 },
    }
    server = await createTestServer([respondWith(200, body), respondWith(200, body)])
    const byDefault = await createOpenAICompatible({ name: 'my-server', apiKey, baseURL: server.url })('qwen').generate({ messages })
    expect(byDefault.choices[0]?.reasoning).toBe('other')
    const quirked = createOpenAICompatible({ name: 'my-server', apiKey, baseURL: server.url, quirks: { reasoningField: 'reasoning' } })
    expect((await quirked('qwen').generate({ messages })).choices[0]?.reasoning).toBe('The capital is Paris.')
  })

  it('streams reasoning from `reasoning` deltas and reads Groq x_groq usage, without stream_options when streamUsage is off', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      const chunks = [
        { choices: [{ index: 0, delta: { role: 'assistant', reasoning: 'Think.' } }] },
        { choices: [{ index: 0, delta: { content: 'Paris' } }] },
        { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], x_groq: { usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } } },
      ]
      response.end(`${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`)
    })
    const provider = createOpenAICompatible({ name: 'groq', apiKey, baseURL: server.url, quirks: { streamUsage: false } })
    const parts = await collect(provider('qwen').stream({ messages }))
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'Think.' },
      { type: 'text-delta', delta: 'Paris' },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5, providerTotalTokens: 5 },
      },
    ])
    const sent = JSON.parse(server.requests[0]?.body ?? '')
    expect(sent.stream).toBe(true)
    expect('stream_options' in sent).toBe(false)
  })
})

describe('the reasoningTag quirk', () => {
  const tagged = '<think>\nThe capital of France is Paris.\n</think>\n\nParis'
  const completion = (contents: readonly (string | null)[], reasoningContent?: string) => ({
    model: 'qwen3-8b',
    choices: contents.map((content, index) => ({
      index,
      message: { role: 'assistant', content, ...(reasoningContent === undefined ? {} : { reasoning_content: reasoningContent }) },
      finish_reason: 'stop',
    })),
  })
  const chunks = (deltas: readonly Record<string, string>[]) =>
    toServerSentEvents(
      [
        ...deltas.map((delta) => ({ choices: [{ index: 0, delta }] })),
        { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 } },
      ].map((chunk) => JSON.stringify(chunk)),
      { done: true },
    )
  const llamacpp = (baseURL: string) => createOpenAICompatible({ name: 'llamacpp', baseURL, quirks: { reasoningTag: 'think' } })('qwen3-8b')

  it('moves every <think> block out of each choice, also one with no opening tag, after any reasoning field', async () => {
    server = await createTestServer([
      respondWith(200, completion([tagged, 'Rayleigh scattering.</think>\n\nBlue.', '<think>a</think>b<think>c</think> d', 'No tags.', null])),
      respondWith(200, completion([tagged], 'Asked about France.')),
    ])
    const result = await llamacpp(server.url).generate({ messages })
    expect(result.choices.map(({ text, reasoning }) => ({ text, reasoning }))).toEqual([
      { text: 'Paris', reasoning: '\nThe capital of France is Paris.\n' },
      { text: 'Blue.', reasoning: 'Rayleigh scattering.' },
      { text: 'bd', reasoning: 'a\nc' },
      { text: 'No tags.', reasoning: undefined },
      { text: null, reasoning: undefined },
    ])
    expect((await llamacpp(server.url).generate({ messages })).choices[0]).toMatchObject({
      text: 'Paris',
      reasoning: 'Asked about France.\n\nThe capital of France is Paris.\n',
    })
  })

  it('streams tagged content as reasoning and text deltas, holding back tags split across chunks, as generate splits it', async () => {
    const deltas = ['<th', "ink>\nFrance's", ' capital</thi', 'nk>\n', '\nParis <', '3 <th']
    server = await createTestServer([
      replayServerSentEvents(chunks([{ role: 'assistant', reasoning_content: 'Asked about France.' }, ...deltas.map((content) => ({ content }))])),
      respondWith(200, completion([deltas.join('')], 'Asked about France.')),
    ])
    const parts = await collect(llamacpp(server.url).stream({ messages }))
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'Asked about France.' },
      { type: 'reasoning-delta', delta: "\n\nFrance's" },
      { type: 'reasoning-delta', delta: ' capital' },
      { type: 'text-delta', delta: 'Paris ' },
      { type: 'text-delta', delta: '<3 ' },
      { type: 'text-delta', delta: '<th' },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        usage: { promptTokens: 4, completionTokens: 9, totalTokens: 13, providerTotalTokens: 13 },
      },
    ])
    const generated = (await llamacpp(server.url).generate({ messages })).choices[0]
    const joined = (type: string) => parts.flatMap((part) => (part.type === type && 'delta' in part ? [part.delta] : [])).join('')
    expect({ text: joined('text-delta'), reasoning: joined('reasoning-delta') }).toEqual({ text: generated?.text, reasoning: generated?.reasoning })
  })

  it('leaves the content untouched without the quirk', async () => {
    server = await createTestServer([
      respondWith(200, completion([tagged])),
      replayServerSentEvents(chunks([{ content: '<th' }, { content: 'ink>a</think> b' }])),
    ])
    const provider = createOpenAICompatible({ name: 'vllm', baseURL: server.url })
    const { choices } = await provider('qwen3-8b').generate({ messages })
    expect(choices[0]).toEqual({ text: tagged, finishReason: 'stop', rawFinishReason: 'stop' })
    expect(await collect(provider('qwen3-8b').stream({ messages }))).toEqual([
      { type: 'text-delta', delta: '<th' },
      { type: 'text-delta', delta: 'ink>a</think> b' },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        usage: { promptTokens: 4, completionTokens: 9, totalTokens: 13, providerTotalTokens: 13 },
      },
    ])
  })
})

describe('errors', () => {
  it("maps 401 to AuthenticationError with the server's message and the key redacted", async () => {
    server = await createTestServer(
      respondWith(401, {
        error: { message: `Incorrect API key provided: ${apiKey}.`, type: 'invalid_request_error', code: 'invalid_api_key' },
      }),
    )
    const error = await catchError(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
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
      sendFixtureJSON('openai-text'),
    ])
    const result = await createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
    expect(result.choices[0]?.finishReason).toBe('stop')
    expect(server.requests).toHaveLength(2)
  })

  it('reports a 429 as RateLimitError with retryAfterMs when retries run out', async () => {
    server = await createTestServer(respondWith(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' }))
    const error = await catchError(
      createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url, maxRetries: 0 })('gpt-4o').generate({ messages }),
    )
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(7000)
    expect((error as RateLimitError).isRetryable).toBe(true)
    expect((error as Error).message).toContain('Rate limit reached')
  })

  it('retries a 500 and returns the next success', async () => {
    server = await createTestServer([
      respondWith(500, { error: { message: 'The server had an error' } }, { 'retry-after-ms': '1' }),
      sendFixtureJSON('mistral-tool-call'),
    ])
    const result = await createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
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
    const error = await catchError(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(ContextWindowExceededError)
    expect((error as Error).message).toContain('maximum context length is 128000 tokens')
    expect(server.requests).toHaveLength(1)
  })

  it("keeps the server's message for the recorded legacy-parameter error", async () => {
    server = await createTestServer(respondWith(400, JSON.parse(readFixture('reasoning-model-legacy-parameter-error.json'))))
    const error = await catchError(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('o3').generate({ messages }))
    expect(APICallError.isInstance(error)).toBe(true)
    expect((error as APICallError).isRetryable).toBe(false)
    expect((error as Error).message).toBe(
      "acme call failed with status 400: Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    )
  })

  it('throws InvalidResponseDataError with the raw text when tool arguments are not JSON', async () => {
    const body = JSON.parse(readFixture('mistral-tool-call.json')) as {
      choices: { message: { tool_calls: { function: { arguments: string } }[] } }[]
    }
    const call = body.choices[0]?.message.tool_calls[0]
    if (call) call.function.arguments = '{"location": "San Fr'
    server = await createTestServer(respondWith(200, body))
    const error = await catchError(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(InvalidResponseDataError)
    expect((error as InvalidResponseDataError).text).toBe('{"location": "San Fr')
  })

  it('throws InvalidResponseDataError when the response has the wrong shape', async () => {
    server = await createTestServer(respondWith(200, { choices: [{ message: { content: 42 } }] }))
    const error = await catchError(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages }))
    expect(error).toBeInstanceOf(InvalidResponseDataError)
  })

  it('honours an abort signal', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const controller = new AbortController()
    const reason = new Error('stopped by the caller')
    const pending = createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 20)
    expect(await catchError(pending)).toBe(reason)
  })
})

describe('timeouts, aborts and refusals', () => {
  it('throws TimeoutError when an attempt outlives timeoutMs', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const provider = createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url, timeoutMs: 30, maxRetries: 0 })
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
        for await (const part of createOpenAICompatible({ name: 'acme', apiKey, baseURL: server?.url ?? '' })('gpt-4o').stream({
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
    const result = await createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').generate({ messages })
    expect(result.choices[0]).toEqual({ text: null, finishReason: 'refusal', rawFinishReason: 'stop' })
    expect(result.usage).toBeUndefined()
  })

  it('sends a structured-output request in the documented shape', async () => {
    server = await createTestServer(sendFixtureJSON('openai-text'))
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }
    await createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url, quirks: { structuredOutputs: true } })('gpt-4o-mini').generate({
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

describe('stream errors', () => {
  it('throws StreamInterruptedError when the connection is cut mid-stream', async () => {
    const lines = readFixture('openai-text.chunks.txt').split('\n').filter(Boolean).slice(0, 5)
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      for (const line of lines) response.write(`data: ${line}\n\n`)
      response.write('data: {"id":"chatcmpl-cut","choi')
      setTimeout(() => response.destroy(), 10)
    })
    const stream = createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').stream({ messages })
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
    const error = await catchError(collect(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })

  it('raises an error event sent inside the stream', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end('data: {"error":{"message":"The server had an error while processing your request."}}\n\n')
    })
    const error = await catchError(collect(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
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
    const parts = await collect(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').stream({ messages }))
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' })
    await server.close()

    server = await createTestServer(respondWith(401, { error: { message: `Incorrect API key provided: ${apiKey}` } }))
    const error = await catchError(collect(createOpenAICompatible({ name: 'acme', apiKey, baseURL: server.url })('gpt-4o').stream({ messages })))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(apiKey)
  })
})
