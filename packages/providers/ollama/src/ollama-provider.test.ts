import { createServer } from 'node:net'
import {
  APICallError,
  InvalidResponseDataError,
  NetworkError,
  RateLimitError,
  StreamInterruptedError,
  TimeoutError,
  UnsupportedModelError,
} from '@dspex/provider'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sendFixtureJSON, sendFixtureNDJSON, sendRawNDJSON } from './__fixtures__/ollama-test-server.js'
import { createOllama, ollama } from './ollama-provider.js'

const messages = [{ role: 'user', content: 'Why is the sky blue?' }] as const

let server: TestServer | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
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

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

function requestBody(index = 0): Record<string, unknown> {
  return JSON.parse(server?.requests[index]?.body ?? '{}') as Record<string, unknown>
}

describe('createOllama', () => {
  it('is callable and has languageModel and embedding', () => {
    const provider = createOllama()
    expect(provider('llama3.2')).toMatchObject({ specificationVersion: 'v1', provider: 'ollama', modelId: 'llama3.2' })
    expect(provider.languageModel('qwen3:8b').modelId).toBe('qwen3:8b')
    expect(provider.embedding('all-minilm').modelId).toBe('all-minilm')
    expect(ollama('llama3.2').capabilities.toolCalling).toBe(true)
  })

  it('posts to {baseURL}/api/chat with stream false and the headers', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    const provider = createOllama({ baseURL: `${server.url}/`, headers: { 'x-extra': 'a' } })
    await provider('llama3.2').generate({ messages, headers: { 'x-request': 'b' } })
    const request = server.requests[0]
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/api/chat')
    expect(request?.headers['x-extra']).toBe('a')
    expect(request?.headers['x-request']).toBe('b')
    expect(requestBody()).toEqual({ model: 'llama3.2', messages: [{ role: 'user', content: 'Why is the sky blue?' }], stream: false })
  })

  it('sends no authorization to a local Ollama, and a bearer token from apiKey or OLLAMA_API_KEY (read at call time)', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    vi.stubEnv('OLLAMA_API_KEY', '')
    await createOllama({ baseURL: server.url })('llama3.2').generate({ messages })
    await createOllama({ baseURL: server.url, apiKey: 'from-options' })('llama3.2').generate({ messages })
    const fromEnvironment = createOllama({ baseURL: server.url })
    vi.stubEnv('OLLAMA_API_KEY', 'from-environment')
    await fromEnvironment('llama3.2').generate({ messages })
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, 'Bearer from-options', 'Bearer from-environment'])
  })

  it('reads OLLAMA_HOST at call time, adding http:// when it has no scheme', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    vi.stubEnv('OLLAMA_HOST', server.url.replace('http://', ''))
    const result = await ollama('llama3.2').generate({ messages })
    expect(result.choices[0]?.text).toBe('Hello! How are you today?')
  })
})

describe('generate', () => {
  it('returns the text, stop reason, usage and model', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    const result = await createOllama({ baseURL: server.url })('llama3.2').generate({ messages })
    expect(result.choices).toEqual([{ text: 'Hello! How are you today?', finishReason: 'stop', rawFinishReason: 'stop' }])
    expect(result.usage).toEqual({ promptTokens: 26, completionTokens: 298, totalTokens: 324 })
    expect(result.responseModel).toBe('llama3.2')
  })

  it('sends tools and returns tool calls with object arguments as the tool-calls reason', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-tool-call'))
    const parameters = {
      type: 'object',
      properties: { location: { type: 'string' }, format: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location', 'format'],
    }
    const result = await createOllama({ baseURL: server.url })('llama3.2').generate({
      messages: [{ role: 'user', content: 'What is the weather today in Paris?' }],
      tools: [{ name: 'get_current_weather', description: 'Get the current weather for a location', parameters }],
    })
    expect(requestBody().tools).toEqual([
      { type: 'function', function: { name: 'get_current_weather', description: 'Get the current weather for a location', parameters } },
    ])
    expect(result.choices[0]).toEqual({
      text: '',
      toolCalls: [{ id: 'call_0', name: 'get_current_weather', args: { format: 'celsius', location: 'Paris, FR' } }],
      finishReason: 'tool-calls',
      rawFinishReason: 'stop',
    })
  })

  it('sends a JSON schema as format, options, and think from providerOptions', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] }
    await createOllama({ baseURL: server.url })('llama3.2').generate({
      messages,
      responseFormat: { type: 'json_schema', name: 'person', schema, strict: true },
      temperature: 0,
      topP: 0.9,
      maxTokens: 64,
      stop: ['\n\n'],
      seed: 42,
      providerOptions: { ollama: { think: true, keep_alive: '5m', options: { num_ctx: 4096 } } },
    })
    expect(requestBody()).toMatchObject({
      format: schema,
      options: { temperature: 0, top_p: 0.9, num_predict: 64, stop: ['\n\n'], seed: 42, num_ctx: 4096 },
      think: true,
      keep_alive: '5m',
    })
  })

  it("sends format 'json' for JSON mode", async () => {
    server = await createTestServer(sendFixtureJSON('ollama-chat'))
    await createOllama({ baseURL: server.url })('llama3.2').generate({ messages, responseFormat: { type: 'json' } })
    expect(requestBody().format).toBe('json')
  })

  it('returns thinking as reasoning, as a part it takes back in a later turn', async () => {
    server = await createTestServer(
      respondWith(200, {
        model: 'qwen3:8b',
        message: { role: 'assistant', content: 'Hi!', thinking: 'A greeting.' },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: 10,
        eval_count: 5,
      }),
    )
    const result = await createOllama({ baseURL: server.url })('qwen3:8b').generate({ messages })
    expect(result.choices[0]).toEqual({
      text: 'Hi!',
      reasoning: 'A greeting.',
      reasoningParts: [{ type: 'reasoning', provider: 'ollama', text: 'A greeting.' }],
      finishReason: 'stop',
      rawFinishReason: 'stop',
    })
  })

  it("reports a missing model (404) with Ollama's message, without retrying", async () => {
    server = await createTestServer(respondWith(404, { error: 'model "llama9" not found, try pulling it first' }))
    const error = await catchError(createOllama({ baseURL: server.url })('llama9').generate({ messages }))
    expect(error).toBeInstanceOf(APICallError)
    expect(error).toBeInstanceOf(UnsupportedModelError)
    expect(error).toMatchObject({
      statusCode: 404,
      isRetryable: false,
      provider: 'ollama',
      message: 'ollama call failed with status 404: model "llama9" not found, try pulling it first',
    })
    expect(server.requests).toHaveLength(1)
  })

  it('retries a 500 and then succeeds', async () => {
    server = await createTestServer([respondWith(500, { error: 'llama runner process has terminated' }), sendFixtureJSON('ollama-chat')])
    const result = await createOllama({ baseURL: server.url })('llama3.2').generate({ messages })
    expect(result.choices[0]?.text).toBe('Hello! How are you today?')
    expect(server.requests).toHaveLength(2)
  })

  it('reports a 429 as RateLimitError with retryAfterMs when retries run out', async () => {
    server = await createTestServer(respondWith(429, { error: 'server busy' }, { 'retry-after': '0' }))
    const error = await catchError(createOllama({ baseURL: server.url, maxRetries: 1 })('llama3.2').generate({ messages }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ retryAfterMs: 0, isRetryable: true })
    expect(server.requests).toHaveLength(2)
  })

  it('reports connection refused as a retryable NetworkError', async () => {
    const port = await closedPort()
    const error = await catchError(createOllama({ baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 })('llama3.2').generate({ messages }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ isRetryable: true })
  })

  it('reports a reply that is not a chat response as InvalidResponseDataError', async () => {
    server = await createTestServer(respondWith(200, { message: { content: 42 } }))
    const error = await catchError(createOllama({ baseURL: server.url })('llama3.2').generate({ messages }))
    expect(error).toBeInstanceOf(InvalidResponseDataError)
  })

  it('times out an attempt with TimeoutError', async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const error = await catchError(createOllama({ baseURL: server.url, timeoutMs: 30, maxRetries: 0 })('llama3.2').generate({ messages }))
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it("honours an abort signal with the caller's reason", async () => {
    server = await createTestServer(() => new Promise(() => undefined))
    const controller = new AbortController()
    const reason = new Error('stop')
    setTimeout(() => controller.abort(reason), 20)
    const error = await catchError(createOllama({ baseURL: server.url })('llama3.2').generate({ messages, signal: controller.signal }))
    expect(error).toBe(reason)
  })
})

describe('stream', () => {
  it('yields text deltas then finish with usage from the done line', async () => {
    server = await createTestServer(sendFixtureNDJSON('ollama-chat'))
    const parts = await collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages }))
    expect(requestBody().stream).toBe(true)
    expect(parts).toEqual([
      { type: 'text-delta', delta: 'The' },
      { type: 'text-delta', delta: ' sky' },
      { type: 'text-delta', delta: ' is blue.' },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', usage: { promptTokens: 26, completionTokens: 282, totalTokens: 308 } },
    ])
  })

  it('accepts the documented older shape: images null, a final line without message or done_reason', async () => {
    server = await createTestServer(sendFixtureNDJSON('ollama-chat-docs'))
    const parts = await collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages }))
    expect(parts).toEqual([
      { type: 'text-delta', delta: 'The' },
      { type: 'finish', finishReason: 'unknown', usage: { promptTokens: 26, completionTokens: 282, totalTokens: 308 } },
    ])
  })

  it('yields thinking as reasoning deltas, then as one reasoning part, and maps done_reason length', async () => {
    server = await createTestServer(sendFixtureNDJSON('ollama-thinking'))
    const parts = await collect(createOllama({ baseURL: server.url })('qwen3:8b').stream({ messages, providerOptions: { ollama: { think: true } } }))
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'The user asks' },
      { type: 'reasoning-delta', delta: ' for a greeting.' },
      { type: 'text-delta', delta: 'Hello!' },
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'ollama', text: 'The user asks for a greeting.' } },
      { type: 'finish', finishReason: 'length', rawFinishReason: 'length', usage: { promptTokens: 14, completionTokens: 12, totalTokens: 26 } },
    ])
  })

  it('yields tool calls and finishes with tool-calls', async () => {
    server = await createTestServer(sendFixtureNDJSON('ollama-tool-call'))
    const parts = await collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages }))
    expect(parts).toEqual([
      {
        type: 'tool-call',
        toolCall: { id: 'call_0', name: 'get_current_weather', args: { format: 'celsius', location: 'Paris, FR' } },
      },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'stop', usage: { promptTokens: 122, completionTokens: 33, totalTokens: 155 } },
    ])
  })

  it('throws StreamInterruptedError when the stream ends before the done line', async () => {
    server = await createTestServer(sendRawNDJSON('{"model":"llama3.2","message":{"role":"assistant","content":"The"},"done":false}\n'))
    const parts: unknown[] = []
    const error = await catchError(
      (async () => {
        for await (const part of createOllama({ baseURL: server?.url ?? '' })('llama3.2').stream({ messages })) parts.push(part)
      })(),
    )
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect(parts).toEqual([{ type: 'text-delta', delta: 'The' }])
  })

  it('throws StreamInterruptedError when the stream is cut in the middle of a line', async () => {
    server = await createTestServer(sendRawNDJSON('{"model":"llama3.2","message":{"role":"assistant","content":"The"},"done":false}\n{"model":"lla'))
    const error = await catchError(collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })

  it('throws StreamInterruptedError when the connection breaks mid-stream', async () => {
    server = await createTestServer(sendRawNDJSON('{"model":"llama3.2","message":{"role":"assistant","content":"The"},"done":false}\n', true))
    const error = await catchError(collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages })))
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })

  it('throws APICallError when a line carries an error', async () => {
    server = await createTestServer(sendRawNDJSON('{"error":"an error was encountered while running the model"}\n'))
    const error = await catchError(collect(createOllama({ baseURL: server.url })('llama3.2').stream({ messages })))
    expect(error).toBeInstanceOf(APICallError)
    expect(error).toMatchObject({ message: 'ollama stream failed: an error was encountered while running the model' })
  })

  it('reports a missing model before streaming', async () => {
    server = await createTestServer(respondWith(404, { error: 'model "llama9" not found, try pulling it first' }))
    const error = await catchError(collect(createOllama({ baseURL: server.url })('llama9').stream({ messages })))
    expect(error).toMatchObject({ statusCode: 404, isRetryable: false })
  })

  it('stops when the caller aborts mid-stream', async () => {
    const controller = new AbortController()
    const reason = new Error('enough')
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' })
      response.write('{"model":"llama3.2","message":{"role":"assistant","content":"The"},"done":false}\n')
    })
    const parts: unknown[] = []
    const error = await catchError(
      (async () => {
        const stream = createOllama({ baseURL: server?.url ?? '' })('llama3.2').stream({ messages, signal: controller.signal })
        for await (const part of stream) {
          parts.push(part)
          controller.abort(reason)
        }
      })(),
    )
    expect(error).toBe(reason)
    expect(parts).toEqual([{ type: 'text-delta', delta: 'The' }])
  })
})

describe('embedding', () => {
  it('is an EmbeddingModel with no per-call limit', () => {
    expect(createOllama().embedding('all-minilm')).toMatchObject({
      specificationVersion: 'v1',
      provider: 'ollama',
      modelId: 'all-minilm',
      maxEmbeddingsPerCall: undefined,
    })
  })

  it('posts the values to /api/embed and returns one vector per value, with prompt_eval_count as usage', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-embed'))
    const result = await createOllama({ baseURL: server.url, headers: { 'x-proxy': 'a' } })
      .embedding('all-minilm')
      .embed({ values: ['Why is the sky blue?', 'Why is the grass green?'], headers: { 'x-call': 'b' } })
    expect(server.requests[0]?.path).toBe('/api/embed')
    expect(server.requests[0]?.headers).toMatchObject({ 'x-proxy': 'a', 'x-call': 'b' })
    expect(requestBody()).toEqual({ model: 'all-minilm', input: ['Why is the sky blue?', 'Why is the grass green?'] })
    expect(result.embeddings).toHaveLength(2)
    expect(result.embeddings[0]?.[0]).toBe(0.010071029)
    expect(result.usage).toEqual({ promptTokens: 8, completionTokens: 0, totalTokens: 8 })
    expect(result.raw).toMatchObject({ model: 'all-minilm', total_duration: 14143917 })
  })

  it('sends truncate, dimensions and keep_alive from the settings, overridden by providerOptions.ollama', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-embed'))
    const model = createOllama({ baseURL: server.url }).embedding('all-minilm', { truncate: false, dimensions: 384, keepAlive: '10m' })
    await model.embed({ values: ['a', 'b'] })
    await model.embed({ values: ['a', 'b'], providerOptions: { ollama: { dimensions: 128, keep_alive: 0 } } })
    expect(requestBody(0)).toEqual({ model: 'all-minilm', input: ['a', 'b'], truncate: false, dimensions: 384, keep_alive: '10m' })
    expect(requestBody(1)).toEqual({ model: 'all-minilm', input: ['a', 'b'], truncate: false, dimensions: 128, keep_alive: 0 })
  })

  it('makes no call for no values', async () => {
    expect(await createOllama({ baseURL: 'http://127.0.0.1:9' }).embedding('all-minilm').embed({ values: [] })).toEqual({ embeddings: [] })
  })

  it('throws InvalidResponseDataError when the count of vectors is wrong', async () => {
    server = await createTestServer(sendFixtureJSON('ollama-embed'))
    const error = await catchError(
      createOllama({ baseURL: server.url })
        .embedding('all-minilm')
        .embed({ values: ['one'] }),
    )
    expect(error).toBeInstanceOf(InvalidResponseDataError)
  })

  it('retries a 503 and reports a missing embedding model', async () => {
    server = await createTestServer([respondWith(503, { error: 'busy' }), sendFixtureJSON('ollama-embed')])
    const result = await createOllama({ baseURL: server.url })
      .embedding('all-minilm')
      .embed({ values: ['a', 'b'] })
    expect(result.embeddings).toHaveLength(2)
    expect(server.requests).toHaveLength(2)
    await server.close()
    server = await createTestServer(respondWith(404, { error: 'model "nomic" not found, try pulling it first' }))
    const error = await catchError(
      createOllama({ baseURL: server.url })
        .embedding('nomic')
        .embed({ values: ['x'] }),
    )
    expect(error).toMatchObject({ statusCode: 404 })
    expect((error as Error).message).toContain('not found')
  })

  it('honours the signal', async () => {
    server = await createTestServer(() => undefined)
    const model = createOllama({ baseURL: server.url }).embedding('nomic')
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const pending = model.embed({ values: ['x'], signal: controller.signal })
    setTimeout(() => controller.abort(reason), 10)
    expect(await catchError(pending)).toBe(reason)
  })
})
