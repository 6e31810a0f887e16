import { APICallError, AuthenticationError, type StreamPart, StreamInterruptedError } from '@dspex/provider'
import { createTestServer, respondWith, startFakeOpenAIServer, type FakeProviderServer, type TestHandler, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  responsesErrorStream,
  responsesFailedStream,
  responsesIncomplete,
  responsesIncompleteStream,
  responsesReasoningToolCall,
  responsesRefusal,
  responsesStream,
  responsesText,
} from './__fixtures__/openai-responses.js'
import { createOpenAI } from './openai-provider.js'

const apiKey = 'sk-proj-SECRET-responses-key'
const messages = [{ role: 'user', content: 'Hi' }] as const

let server: TestServer | FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const sendEvents =
  (text: string): TestHandler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.end(text)
  }

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = []
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

describe('openai.responses generate', () => {
  it('posts to /responses and reads text, usage and the model', async () => {
    server = await createTestServer(respondWith(200, responsesText))
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1')
    expect(model).toMatchObject({ provider: 'openai', modelId: 'gpt-4.1' })
    const result = await model.generate({ messages })
    expect(result.choices).toEqual([{ text: responsesText.output[0]?.content[0]?.text, finishReason: 'stop' }])
    expect(result.usage).toEqual({ promptTokens: 36, completionTokens: 87, totalTokens: 123, cachedPromptTokens: 0, reasoningTokens: 0 })
    expect(result.responseModel).toBe('gpt-4.1-2025-04-14')
    expect(result.raw).toEqual(responsesText)
    expect(server.requests[0]?.path).toBe('/responses')
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ model: 'gpt-4.1', input: [{ role: 'user', content: 'Hi' }], store: false })
  })

  it('reads the reasoning summary and function calls, finishing with tool-calls', async () => {
    server = await createTestServer(respondWith(200, responsesReasoningToolCall))
    const result = await createOpenAI({ apiKey, baseURL: server.url, api: 'responses' })('o4-mini').generate({ messages })
    expect(result.choices[0]).toEqual({
      text: null,
      reasoning: '**Checking the weather**\n\nThe user wants the weather in Paris.\n\nI will call get_weather.',
      toolCalls: [{ id: 'call_12345xyz', name: 'get_weather', args: { location: 'Paris, France' } }],
      finishReason: 'tool-calls',
    })
    expect(result.usage).toEqual({ promptTokens: 291, completionTokens: 146, totalTokens: 437, cachedPromptTokens: 128, reasoningTokens: 128 })
    expect(server.requests[0]?.path).toBe('/responses')
  })

  it('maps incomplete_details.reason to length and a refusal to refusal', async () => {
    server = await createTestServer([respondWith(200, responsesIncomplete), respondWith(200, responsesRefusal)])
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1')
    expect((await model.generate({ messages, maxTokens: 16 })).choices[0]).toEqual({ text: 'In a peaceful grove beneath', finishReason: 'length' })
    expect(JSON.parse(server.requests[0]?.body ?? '').max_output_tokens).toBe(16)
    expect((await model.generate({ messages })).choices[0]).toEqual({ text: null, finishReason: 'refusal' })
  })

  it('throws an APICallError for a failed response and maps HTTP errors with the key redacted', async () => {
    server = await createTestServer([
      respondWith(200, { ...responsesText, status: 'failed', output: [], error: { code: 'server_error', message: 'The model failed.' } }),
      respondWith(401, { error: { message: `Incorrect API key provided: ${apiKey}`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    ])
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1')
    const failed = await catchError(model.generate({ messages }))
    expect(APICallError.isInstance(failed)).toBe(true)
    expect((failed as Error).message).toBe('openai response failed: The model failed.')
    const unauthorized = await catchError(model.generate({ messages }))
    expect(unauthorized).toBeInstanceOf(AuthenticationError)
    expect(JSON.stringify(unauthorized, Object.getOwnPropertyNames(unauthorized))).not.toContain(apiKey)
  })

  it('round-trips text and a function call through the fake OpenAI server', async () => {
    server = await startFakeOpenAIServer({
      reply: () => ({ text: 'Paris', toolCalls: [{ id: 'call_1', name: 'search', arguments: { q: 'capital' } }] }),
      faults: [{ status: 429, retryAfterSeconds: 0 }],
    })
    const result = await createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1-mini').generate({ messages })
    expect(result.choices[0]).toEqual({ text: 'Paris', toolCalls: [{ id: 'call_1', name: 'search', args: { q: 'capital' } }], finishReason: 'tool-calls' })
    expect(result.usage).toMatchObject({ promptTokens: 10, completionTokens: 1 })
    expect(server.requests).toHaveLength(2)
  })
})

describe('openai.responses stream', () => {
  it('yields reasoning and text deltas, the function call, then finish with usage', async () => {
    server = await createTestServer(sendEvents(responsesStream))
    const parts = await collect(createOpenAI({ apiKey, baseURL: server.url }).responses('o4-mini').stream({ messages }))
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'The user wants ' },
      { type: 'reasoning-delta', delta: 'the weather.' },
      { type: 'text-delta', delta: 'Checking ' },
      { type: 'text-delta', delta: 'Paris.' },
      { type: 'tool-call', toolCall: { id: 'call_12345xyz', name: 'get_weather', args: { location: 'Paris, France' } } },
      {
        type: 'finish',
        finishReason: 'tool-calls',
        usage: { promptTokens: 291, completionTokens: 146, totalTokens: 437, cachedPromptTokens: 128, reasoningTokens: 128 },
      },
    ])
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ stream: true, store: false })
  })

  it('finishes with length on response.incomplete', async () => {
    server = await createTestServer(sendEvents(responsesIncompleteStream))
    const parts = await collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1').stream({ messages }))
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'length', usage: { promptTokens: 36, completionTokens: 16, totalTokens: 52, cachedPromptTokens: 0, reasoningTokens: 0 } })
  })

  it('throws on response.failed and on an error event', async () => {
    server = await createTestServer([sendEvents(responsesFailedStream), sendEvents(responsesErrorStream)])
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1')
    const failed = await catchError(collect(model.stream({ messages })))
    expect((failed as Error).message).toBe('openai response failed: The model failed to generate a response.')
    const errored = await catchError(collect(model.stream({ messages })))
    expect(APICallError.isInstance(errored)).toBe(true)
    expect((errored as Error).message).toBe('openai stream failed: Something went wrong')
  })

  it('throws StreamInterruptedError when the stream ends before response.completed', async () => {
    const cut = responsesStream.slice(0, responsesStream.indexOf('event: response.completed'))
    server = await createTestServer(sendEvents(cut))
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })

  it('streams text and a function call from the fake OpenAI server, surviving a 500 first', async () => {
    server = await startFakeOpenAIServer({
      reply: () => ({ text: 'The answer', toolCalls: [{ name: 'search', arguments: { q: 'x' } }] }),
      faults: [{ status: 500 }],
    })
    const parts = await collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1-mini').stream({ messages }))
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta).join('')).toBe('The answer')
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([{ type: 'tool-call', toolCall: { id: 'call_0', name: 'search', args: { q: 'x' } } }])
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' })
  })

  it('throws StreamInterruptedError for a stream the fake server truncates', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'one two three four five six', faults: [{ truncateStream: true }] })
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })
})
