import {
  APICallError,
  AuthenticationError,
  ContextWindowExceededError,
  LoadAPIKeyError,
  RateLimitError,
  StreamInterruptedError,
  type StreamPart,
  TimeoutError,
} from '@dspex/provider'
import { createTestServer, replayServerSentEvents, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture, toAnthropicServerSentEvents } from './__fixtures__/anthropic-test-server.js'
import { AnthropicMessagesLanguageModel, anthropicVersion } from './anthropic-messages-language-model.js'
import { anthropic, createAnthropic } from './anthropic-provider.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  delete process.env.ANTHROPIC_API_KEY
})

const apiKey = 'sk-ant-secret-key-123456'
const ask = { messages: [{ role: 'user', content: 'Hello' }] } as const
const errorBody = (type: string, message: string): string => JSON.stringify({ type: 'error', error: { type, message } })
const text = readFixture('anthropic-text.json')

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = []
  for await (const part of stream) parts.push(part)
  return parts
}

describe('createAnthropic', () => {
  it('is callable and has languageModel, with capabilities', () => {
    const provider = createAnthropic({ apiKey })
    const model = provider('claude-sonnet-4-5')
    expect(model.provider).toBe('anthropic')
    expect(model.modelId).toBe('claude-sonnet-4-5')
    expect(model.specificationVersion).toBe('v1')
    expect(model).toBeInstanceOf(AnthropicMessagesLanguageModel)
    expect(model.capabilities).toEqual({
      structuredOutputs: true,
      jsonMode: false,
      toolCalling: true,
      reasoning: true,
      images: true,
      citations: true,
    })
    expect(provider.languageModel('claude-3-haiku-20240307').capabilities.reasoning).toBe(false)
    expect(anthropic('claude-sonnet-4-5').modelId).toBe('claude-sonnet-4-5')
  })

  it('posts to /messages with x-api-key, anthropic-version and the body', async () => {
    server = await createTestServer([respondWith(200, text)])
    const provider = createAnthropic({ apiKey, baseURL: `${server.url}/`, headers: { 'x-team': 'a' } })
    await provider('claude-sonnet-4-5').generate({ ...ask, headers: { 'x-call': 'b' } })
    const request = server.requests[0]
    expect(request?.path).toBe('/messages')
    expect(request?.headers['x-api-key']).toBe(apiKey)
    expect(request?.headers['anthropic-version']).toBe(anthropicVersion)
    expect(request?.headers['x-team']).toBe('a')
    expect(request?.headers['x-call']).toBe('b')
    expect(request?.headers['anthropic-beta']).toBeUndefined()
    expect(JSON.parse(request?.body ?? '')).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 8192,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    })
  })

  it('sends betas from providerOptions as the anthropic-beta header', async () => {
    server = await createTestServer([respondWith(200, text)])
    await createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate({
      ...ask,
      providerOptions: { anthropic: { betas: ['interleaved-thinking-2025-05-14', 'context-1m-2025-08-07'] } },
    })
    expect(server.requests[0]?.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14,context-1m-2025-08-07')
  })

  it("adds a call's betas to the betas of the provider headers", async () => {
    server = await createTestServer([respondWith(200, text), respondWith(200, text)])
    const model = createAnthropic({ apiKey, baseURL: server.url, headers: { 'Anthropic-Beta': 'files-api-2025-04-14' } })('claude-sonnet-4-5')
    await model.generate(ask)
    await model.generate({ ...ask, providerOptions: { anthropic: { betas: ['context-1m-2025-08-07', 'files-api-2025-04-14'] } } })
    expect(server.requests.map((request) => request.headers['anthropic-beta'])).toEqual([
      'files-api-2025-04-14',
      'files-api-2025-04-14,context-1m-2025-08-07',
    ])
  })

  it('reads ANTHROPIC_API_KEY when a call is made', async () => {
    server = await createTestServer([respondWith(200, text)])
    const model = createAnthropic({ baseURL: server.url })('claude-sonnet-4-5')
    expect(await failure(model.generate(ask))).toBeInstanceOf(LoadAPIKeyError)
    process.env.ANTHROPIC_API_KEY = 'sk-ant-from-env'
    await model.generate(ask)
    expect(server.requests[0]?.headers['x-api-key']).toBe('sk-ant-from-env')
  })

  it('returns thinking as reasoning and warnings', async () => {
    const body = JSON.stringify({
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'Let me think.', signature: 'sig' },
        { type: 'text', text: '42' },
      ],
      stop_reason: 'max_tokens',
      usage: { input_tokens: 5, output_tokens: 7, output_tokens_details: { thinking_tokens: 4 } },
    })
    server = await createTestServer([respondWith(200, body)])
    const result = await createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate({ ...ask, seed: 3 })
    expect(result.choices).toEqual([
      {
        text: '42',
        reasoning: 'Let me think.',
        reasoningParts: [{ type: 'reasoning', provider: 'anthropic', text: 'Let me think.', signature: 'sig' }],
        finishReason: 'length',
        rawFinishReason: 'max_tokens',
      },
    ])
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 7, totalTokens: 12, reasoningTokens: 4 })
    expect(result.warnings).toEqual(['anthropic: seed is not supported and was not sent.'])
  })

  it('round-trips signed thinking and redacted thinking before a tool call, as extended thinking requires', async () => {
    // Shaped like the tool-use example of Anthropic's extended thinking documentation (not recorded).
    const first = JSON.stringify({
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'I need the weather.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
        { type: 'tool_use', id: 'toolu_01', name: 'weather', input: { city: 'Paris' } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 50, output_tokens: 30 },
    })
    server = await createTestServer([respondWith(200, first), respondWith(200, text)])
    const model = createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5')
    const { choices } = await model.generate(ask)
    const choice = choices[0]
    expect(choice?.reasoningParts).toEqual([
      { type: 'reasoning', provider: 'anthropic', text: 'I need the weather.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
      { type: 'reasoning', provider: 'anthropic', text: '', redactedData: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
    ])
    await model.generate({
      messages: [
        ...ask.messages,
        { role: 'assistant', content: choice?.text ?? null, toolCalls: choice?.toolCalls ?? [], reasoning: choice?.reasoningParts ?? [] },
        { role: 'tool', toolCallId: 'toolu_01', content: '18°C' },
      ],
    })
    const sent = JSON.parse(server.requests[1]?.body ?? '') as { messages: { role: string; content: unknown[] }[] }
    expect(sent.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'I need the weather.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
        { type: 'tool_use', id: 'toolu_01', name: 'weather', input: { city: 'Paris' } },
      ],
    })
  })
})

describe('anthropic errors', () => {
  it('maps 401 to AuthenticationError without leaking the key', async () => {
    server = await createTestServer([respondWith(401, errorBody('authentication_error', `invalid x-api-key ${apiKey}`))])
    const error = await failure(createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate(ask))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).message).toContain('authentication_error: invalid x-api-key')
    expect(server.requests).toHaveLength(1)
    const serialized = JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack })
    expect(serialized).not.toContain(apiKey)
  })

  it('retries a 429 after retry-after and reports RateLimitError when retries run out', async () => {
    const limited = respondWith(429, errorBody('rate_limit_error', 'Number of requests exceeded'), { 'retry-after': '0' })
    server = await createTestServer([limited, respondWith(200, text)])
    const result = await createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate(ask)
    expect(result.choices[0]?.finishReason).toBe('stop')
    expect(server.requests).toHaveLength(2)
    await server.close()

    server = await createTestServer([limited])
    const error = await failure(createAnthropic({ apiKey, baseURL: server.url, maxRetries: 1 })('claude-sonnet-4-5').generate(ask))
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(0)
    expect(server.requests).toHaveLength(2)
  })

  it('retries 529 overloaded, then succeeds', async () => {
    const overloaded = respondWith(529, errorBody('overloaded_error', 'Overloaded'), { 'retry-after': '0' })
    server = await createTestServer([overloaded, respondWith(200, text)])
    const result = await createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate(ask)
    expect(result.usage?.promptTokens).toBe(12)
    expect(server.requests).toHaveLength(2)
  })

  it('reports 529 overloaded as retryable when retries are off', async () => {
    server = await createTestServer([respondWith(529, errorBody('overloaded_error', 'Overloaded'))])
    const error = await failure(createAnthropic({ apiKey, baseURL: server.url, maxRetries: 0 })('claude-sonnet-4-5').generate(ask))
    expect(APICallError.isInstance(error)).toBe(true)
    expect((error as APICallError).isRetryable).toBe(true)
    expect((error as APICallError).statusCode).toBe(529)
  })

  it('maps a too long prompt to ContextWindowExceededError', async () => {
    const body = errorBody('invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum')
    server = await createTestServer([respondWith(400, body)])
    const error = await failure(createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate(ask))
    expect(error).toBeInstanceOf(ContextWindowExceededError)
    expect(server.requests).toHaveLength(1)
  })

  it('rejects with the abort reason', async () => {
    server = await createTestServer([() => undefined])
    const controller = new AbortController()
    const reason = new Error('stop now')
    const pending = createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').generate({ ...ask, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 20)
    expect(await failure(pending)).toBe(reason)
  })

  it('gives a TimeoutError when an attempt takes longer than timeoutMs', async () => {
    server = await createTestServer([() => undefined])
    const model = createAnthropic({ apiKey, baseURL: server.url, timeoutMs: 50, maxRetries: 0 })('claude-sonnet-4-5')
    expect(await failure(model.generate(ask))).toBeInstanceOf(TimeoutError)
  })

  it('stops a stream with the abort reason', async () => {
    const events = toAnthropicServerSentEvents(readFixture('anthropic-text.chunks.txt'))
    server = await createTestServer([
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write(events.slice(0, 4).join(''))
      },
    ])
    const controller = new AbortController()
    const reason = new Error('user stopped')
    const model = createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5')
    const parts: StreamPart[] = []
    const error = await failure(
      (async () => {
        for await (const part of model.stream({ ...ask, signal: controller.signal })) {
          parts.push(part)
          if (part.type === 'text-delta') controller.abort(reason)
        }
      })(),
    )
    expect(error).toBe(reason)
    expect(parts).toEqual([{ type: 'text-delta', delta: 'Hello' }])
  })

  it('retries a stream that failed before its headers', async () => {
    const overloaded = respondWith(529, errorBody('overloaded_error', 'Overloaded'), { 'retry-after': '0' })
    const events = toAnthropicServerSentEvents(readFixture('anthropic-text.chunks.txt'))
    server = await createTestServer([overloaded, replayServerSentEvents(events)])
    const parts = await collect(createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').stream(ask))
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' })
  })

  it('throws StreamInterruptedError when the stream is cut', async () => {
    const events = toAnthropicServerSentEvents(readFixture('anthropic-text.chunks.txt'))
    server = await createTestServer([replayServerSentEvents(events, { cutAfter: 5 })])
    const model = createAnthropic({ apiKey, baseURL: server.url, maxRetries: 0 })('claude-sonnet-4-5')
    const error = await failure(collect(model.stream(ask)))
    expect(StreamInterruptedError.isInstance(error)).toBe(true)
    expect(JSON.stringify(error)).not.toContain(apiKey)
  })

  it('throws a retryable APICallError for an overloaded error event mid-stream', async () => {
    const events = toAnthropicServerSentEvents(readFixture('anthropic-text.chunks.txt')).slice(0, 4)
    events.push(`event: error\ndata: ${errorBody('overloaded_error', 'Overloaded')}\n\n`)
    server = await createTestServer([replayServerSentEvents(events)])
    const error = await failure(collect(createAnthropic({ apiKey, baseURL: server.url })('claude-sonnet-4-5').stream(ask)))
    expect(APICallError.isInstance(error)).toBe(true)
    expect((error as APICallError).isRetryable).toBe(true)
    expect((error as APICallError).message).toContain('overloaded_error: Overloaded')
  })
})
