import { APICallError, AuthenticationError, StreamInterruptedError, type StreamPart } from '@dspex/provider'
import { createTestServer, type FakeProviderServer, respondWith, startFakeOpenAIServer, type TestHandler, type TestServer } from '@dspex/testing'
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
const reasoningPart = {
  type: 'reasoning',
  text: '**Checking the weather**\n\nThe user wants the weather in Paris.\n\nI will call get_weather.',
  signature: responsesReasoningToolCall.output[0]?.id ?? 'missing',
  redactedData: responsesReasoningToolCall.output[0]?.encrypted_content ?? 'missing',
  provider: 'openai',
} as const

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
    expect(result.choices).toEqual([{ text: responsesText.output[0]?.content[0]?.text, finishReason: 'stop', rawFinishReason: 'completed' }])
    expect(result.usage).toEqual({
      promptTokens: 36,
      completionTokens: 87,
      totalTokens: 123,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
      providerTotalTokens: 123,
    })
    expect(result.responseModel).toBe('gpt-4.1-2025-04-14')
    expect(result.raw).toEqual(responsesText)
    expect(server.requests[0]?.path).toBe('/responses')
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ model: 'gpt-4.1', input: [{ role: 'user', content: 'Hi' }], store: false })
  })

  it('reads the reasoning summary, the reasoning part and function calls, finishing with tool-calls', async () => {
    server = await createTestServer(respondWith(200, responsesReasoningToolCall))
    const result = await createOpenAI({ apiKey, baseURL: server.url, api: 'responses' })('o4-mini').generate({ messages })
    expect(result.choices[0]).toEqual({
      text: null,
      reasoning: '**Checking the weather**\n\nThe user wants the weather in Paris.\n\nI will call get_weather.',
      reasoningParts: [reasoningPart],
      toolCalls: [{ id: 'call_12345xyz', name: 'get_weather', args: { location: 'Paris, France' } }],
      finishReason: 'tool-calls',
      rawFinishReason: 'completed',
    })
    expect(JSON.parse(server.requests[0]?.body ?? '').include).toEqual(['reasoning.encrypted_content'])
    expect(result.usage).toEqual({
      promptTokens: 291,
      completionTokens: 146,
      totalTokens: 437,
      cachedPromptTokens: 128,
      reasoningTokens: 128,
      providerTotalTokens: 437,
    })
    expect(server.requests[0]?.path).toBe('/responses')
  })

  it('maps incomplete_details.reason to length and a refusal to refusal', async () => {
    server = await createTestServer([respondWith(200, responsesIncomplete), respondWith(200, responsesRefusal)])
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1')
    expect((await model.generate({ messages, maxTokens: 16 })).choices[0]).toEqual({
      text: 'In a peaceful grove beneath',
      finishReason: 'length',
      rawFinishReason: 'max_output_tokens',
    })
    expect(JSON.parse(server.requests[0]?.body ?? '').max_output_tokens).toBe(16)
    expect((await model.generate({ messages })).choices[0]).toEqual({ text: null, finishReason: 'refusal', rawFinishReason: 'completed' })
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
    expect(result.choices[0]).toEqual({
      text: 'Paris',
      toolCalls: [{ id: 'call_1', name: 'search', args: { q: 'capital' } }],
      finishReason: 'tool-calls',
      rawFinishReason: 'completed',
    })
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
      { type: 'reasoning-part', part: reasoningPart },
      { type: 'text-delta', delta: 'Checking ' },
      { type: 'text-delta', delta: 'Paris.' },
      { type: 'tool-call', toolCall: { id: 'call_12345xyz', name: 'get_weather', args: { location: 'Paris, France' } } },
      {
        type: 'finish',
        finishReason: 'tool-calls',
        rawFinishReason: 'completed',
        usage: {
          promptTokens: 291,
          completionTokens: 146,
          totalTokens: 437,
          cachedPromptTokens: 128,
          reasoningTokens: 128,
          providerTotalTokens: 437,
        },
      },
    ])
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ stream: true, store: false })
  })

  it('finishes with length on response.incomplete', async () => {
    server = await createTestServer(sendEvents(responsesIncompleteStream))
    const parts = await collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1').stream({ messages }))
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'length',
      rawFinishReason: 'max_output_tokens',
      usage: { promptTokens: 36, completionTokens: 16, totalTokens: 52, cachedPromptTokens: 0, reasoningTokens: 0, providerTotalTokens: 52 },
    })
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
    expect(
      parts
        .filter((part) => part.type === 'text-delta')
        .map((part) => part.delta)
        .join(''),
    ).toBe('The answer')
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCall: { id: 'call_0', name: 'search', args: { q: 'x' } } },
    ])
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' })
  })

  it('throws StreamInterruptedError for a stream the fake server truncates', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'one two three four five six', faults: [{ truncateStream: true }] })
    const error = await catchError(collect(createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-4.1').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })
})

describe('openai.responses reasoning across turns', () => {
  const weatherTool = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } }

  it("sends the first turn's reasoning item with its encrypted content back before the function call", async () => {
    server = await createTestServer([respondWith(200, responsesReasoningToolCall), respondWith(200, responsesText)])
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('o4-mini')
    const first = (await model.generate({ messages, tools: [weatherTool] })).choices[0]
    const second = await model.generate({
      messages: [
        ...messages,
        { role: 'assistant', content: first?.text ?? null, toolCalls: first?.toolCalls, reasoning: first?.reasoningParts },
        { role: 'tool', toolCallId: 'call_12345xyz', name: 'get_weather', content: '{"temperature":18}' },
      ],
      tools: [weatherTool],
    })
    expect(second.warnings).toBeUndefined()
    const body = JSON.parse(server.requests[1]?.body ?? '')
    expect(body.include).toEqual(['reasoning.encrypted_content'])
    expect(body.store).toBe(false)
    expect(body.input).toEqual([
      { role: 'user', content: 'Hi' },
      {
        type: 'reasoning',
        id: 'rs_68a1c2d3e4f5a6b7c8d9e0f1a2b3c4d6',
        summary: [{ type: 'summary_text', text: reasoningPart.text }],
        encrypted_content: responsesReasoningToolCall.output[0]?.encrypted_content,
      },
      { type: 'function_call', call_id: 'call_12345xyz', name: 'get_weather', arguments: '{"location":"Paris, France"}' },
      { type: 'function_call_output', call_id: 'call_12345xyz', output: '{"temperature":18}' },
    ])
  })

  it('round-trips streamed reasoning through the fake OpenAI server', async () => {
    let calls = 0
    server = await startFakeOpenAIServer({
      reply: () => (calls++ === 0 ? { reasoning: 'Search first', toolCalls: [{ id: 'call_1', name: 'search', arguments: { q: 'x' } }] } : 'Done'),
    })
    const model = createOpenAI({ apiKey, baseURL: server.url }).responses('gpt-5-mini')
    const parts = await collect(model.stream({ messages }))
    const reasoning = parts.flatMap((part) => (part.type === 'reasoning-part' ? [part.part] : []))
    const encrypted = `enc_fake_${Buffer.from('Search first').toString('base64')}`
    expect(reasoning).toEqual([{ type: 'reasoning', text: 'Search first', signature: 'rs_fake', redactedData: encrypted, provider: 'openai' }])
    const answer = await model.generate({
      messages: [
        ...messages,
        { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'search', args: { q: 'x' } }], reasoning },
        { role: 'tool', toolCallId: 'call_1', content: 'found' },
      ],
    })
    expect(answer.choices[0]?.text).toBe('Done')
    expect(JSON.parse(server.requests[1]?.body ?? '')).toMatchObject({
      include: ['reasoning.encrypted_content'],
      input: [
        { role: 'user', content: 'Hi' },
        { type: 'reasoning', id: 'rs_fake', summary: [{ type: 'summary_text', text: 'Search first' }], encrypted_content: encrypted },
        { type: 'function_call', call_id: 'call_1', name: 'search', arguments: '{"q":"x"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'found' },
      ],
    })
  })

  it('leaves reasoning from another provider out, with a warning', async () => {
    server = await createTestServer(respondWith(200, responsesText))
    const result = await createOpenAI({ apiKey, baseURL: server.url })
      .responses('gpt-4.1')
      .generate({
        messages: [
          ...messages,
          { role: 'assistant', content: 'Hello', reasoning: [{ type: 'reasoning', text: 'Hmm', signature: 'sig', provider: 'anthropic' }] },
          { role: 'user', content: 'Again' },
        ],
      })
    expect(result.warnings).toEqual(['Reasoning from anthropic was left out: OpenAI only takes back its own reasoning items.'])
    const body = JSON.parse(server.requests[0]?.body ?? '')
    expect(body.input).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] },
      { role: 'user', content: 'Again' },
    ])
    expect(body.include).toBeUndefined()
  })

  it('leaves the Chat Completions model as it was: no include, no reasoning items, no reasoning parts', async () => {
    server = await startFakeOpenAIServer({ reply: () => ({ text: 'Done', reasoning: 'Not sent by chat' }) })
    const result = await createOpenAI({ apiKey, baseURL: server.url })('o4-mini').generate({
      messages: [...messages, { role: 'assistant', content: 'Hello', reasoning: [reasoningPart] }, { role: 'user', content: 'Again' }],
    })
    expect(result.choices[0]).toEqual({ text: 'Done', finishReason: 'stop', rawFinishReason: 'stop' })
    expect(server.requests[0]?.path).toBe('/chat/completions')
    const body = JSON.parse(server.requests[0]?.body ?? '')
    expect(body.include).toBeUndefined()
    expect(JSON.stringify(body)).not.toContain(reasoningPart.redactedData ?? 'missing')
  })
})
