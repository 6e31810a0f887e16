import {
  AuthenticationError,
  ContextWindowExceededError,
  type GenerateRequest,
  LoadAPIKeyError,
  RateLimitError,
  type StreamPart,
} from '@dspex/provider'
import { createTestServer, replayServerSentEvents, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFixture, toGeminiServerSentEvents } from './__fixtures__/google-test-server.js'
import { GoogleGenerativeAILanguageModel } from './google-generative-ai-language-model.js'
import { createGoogle } from './google-provider.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.unstubAllEnvs()
})

const apiKey = 'AIza-secret-test-key'
const ask: GenerateRequest = { messages: [{ role: 'user', content: 'Hello' }] }
const googleError = (code: number, status: string, message: string) => JSON.stringify({ error: { code, message, status } })

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('google language model: requests', () => {
  it('is a GoogleGenerativeAILanguageModel with Gemini capabilities', () => {
    const model = createGoogle({ apiKey })('gemini-2.5-flash')
    expect(model).toBeInstanceOf(GoogleGenerativeAILanguageModel)
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'google', modelId: 'gemini-2.5-flash' })
    expect(model.capabilities.reasoning).toBe(true)
    expect(createGoogle({ apiKey })('gemini-1.5-flash').capabilities.reasoning).toBe(false)
  })

  it('sends the key as x-goog-api-key and never in the URL', async () => {
    server = await createTestServer([respondWith(200, readFixture('google-text.json'))])
    await createGoogle({ apiKey, baseURL: `${server.url}/`, headers: { 'x-extra': '1' } })('gemini-2.5-flash').generate(ask)
    const request = server.requests[0]
    expect(request?.headers['x-goog-api-key']).toBe(apiKey)
    expect(request?.headers['x-extra']).toBe('1')
    expect(request?.path).toBe('/models/gemini-2.5-flash:generateContent')
    expect(request?.path).not.toContain('key=')
  })

  it('reads GOOGLE_GENERATIVE_AI_API_KEY, then GEMINI_API_KEY, at call time', async () => {
    server = await createTestServer([respondWith(200, readFixture('google-text.json'))])
    const model = createGoogle({ baseURL: server.url })('gemini-2.5-flash')
    vi.stubEnv('GOOGLE_GENERATIVE_AI_API_KEY', '')
    vi.stubEnv('GEMINI_API_KEY', 'from-gemini-variable')
    await model.generate(ask)
    vi.stubEnv('GOOGLE_GENERATIVE_AI_API_KEY', 'from-google-variable')
    await model.generate(ask)
    expect(server.requests.map((request) => request.headers['x-goog-api-key'])).toEqual(['from-gemini-variable', 'from-google-variable'])
  })

  it('throws LoadAPIKeyError when no key is set', async () => {
    vi.stubEnv('GOOGLE_GENERATIVE_AI_API_KEY', '')
    vi.stubEnv('GEMINI_API_KEY', '')
    const error = await failure(createGoogle({ baseURL: 'http://127.0.0.1:9' })('gemini-2.5-flash').generate(ask))
    expect(LoadAPIKeyError.isInstance(error)).toBe(true)
    expect(String((error as Error).message)).toContain('GOOGLE_GENERATIVE_AI_API_KEY')
  })
})

describe('google language model: errors', () => {
  it('maps 401/403 to AuthenticationError with Google status and message, key redacted', async () => {
    const body = googleError(403, 'PERMISSION_DENIED', `API key ${apiKey} not valid. Please pass a valid API key.`)
    server = await createTestServer([respondWith(403, body)])
    const error = await failure(createGoogle({ apiKey, baseURL: server.url, maxRetries: 2 })('gemini-2.5-flash').generate(ask))
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('PERMISSION_DENIED: API key')
    expect(JSON.stringify(error)).not.toContain(apiKey)
    expect((error as Error).message).not.toContain(apiKey)
    expect(String((error as { responseBody?: string }).responseBody)).not.toContain(apiKey)
    expect(server.requests).toHaveLength(1)
  })

  it('reads the RetryInfo retryDelay of a 429 (google-429-retry-info.json)', async () => {
    server = await createTestServer([respondWith(429, readFixture('google-429-retry-info.json'))])
    const error = await failure(createGoogle({ apiKey, baseURL: server.url, maxRetries: 0 })('gemini-2.5-flash').generate(ask))
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 34400, isRetryable: true })
    expect((error as Error).message).toContain('RESOURCE_EXHAUSTED: You exceeded your current quota')
  })

  it('retries a 429 after the body retryDelay, then succeeds', async () => {
    const retryInfo = JSON.stringify({
      error: {
        code: 429,
        message: 'Quota',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.01s' }],
      },
    })
    server = await createTestServer([respondWith(429, retryInfo), respondWith(200, readFixture('google-text.json'))])
    const result = await createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices[0]?.finishReason).toBe('stop')
    expect(server.requests).toHaveLength(2)
  })

  it('uses the retry-after header of a 429 without RetryInfo', async () => {
    server = await createTestServer([respondWith(429, googleError(429, 'RESOURCE_EXHAUSTED', 'Slow down'), { 'retry-after': '2' })])
    const error = await failure(createGoogle({ apiKey, baseURL: server.url, maxRetries: 0 })('gemini-2.5-flash').generate(ask))
    expect(error).toMatchObject({ retryAfterMs: 2000 })
  })

  it('retries a 500 and then succeeds', async () => {
    server = await createTestServer([
      respondWith(500, googleError(500, 'INTERNAL', 'An internal error has occurred.'), { 'retry-after': '0' }),
      respondWith(200, readFixture('google-text.json')),
    ])
    const result = await createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices[0]?.text).toContain('strawberry')
    expect(server.requests).toHaveLength(2)
  })

  it('maps a too-long input to ContextWindowExceededError', async () => {
    const body = googleError(400, 'INVALID_ARGUMENT', 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).')
    server = await createTestServer([respondWith(400, body)])
    const error = await failure(createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask))
    expect(ContextWindowExceededError.isInstance(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('throws when a stream is cut before its finish reason, without the key', async () => {
    const events = toGeminiServerSentEvents(readFixture('google-text.chunks.txt'))
    server = await createTestServer([replayServerSentEvents(events, { cutAfter: 1 })])
    const parts: StreamPart[] = []
    const error = await failure(
      (async () => {
        for await (const part of createGoogle({ apiKey, baseURL: server?.url })('gemini-2.5-flash').stream(ask)) parts.push(part)
      })(),
    )
    expect(error).toBeInstanceOf(Error)
    expect(parts).toEqual([{ type: 'text-delta', delta: 'There are **3**' }])
    expect(JSON.stringify(error)).not.toContain(apiKey)
  })

  it('throws StreamInterruptedError when a stream ends cleanly without a finish reason', async () => {
    const events = toGeminiServerSentEvents(readFixture('google-text.chunks.txt')).slice(0, 2)
    server = await createTestServer([replayServerSentEvents(events)])
    const error = await failure(
      (async () => {
        for await (const _part of createGoogle({ apiKey, baseURL: server?.url })('gemini-2.5-flash').stream(ask)) {
          // drain
        }
      })(),
    )
    expect((error as { code?: string }).code).toBe('stream-interrupted')
  })

  it('rejects with the abort reason when the signal aborts', async () => {
    server = await createTestServer([() => new Promise(() => undefined)])
    const controller = new AbortController()
    const reason = new Error('stopped by caller')
    const pending = createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate({ ...ask, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 20)
    await expect(pending).rejects.toBe(reason)
  })

  it('reports a blocked prompt as content-filter', async () => {
    const body = JSON.stringify({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } })
    server = await createTestServer([respondWith(200, body)])
    const result = await createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices).toEqual([{ text: null, finishReason: 'content-filter', rawFinishReason: 'PROHIBITED_CONTENT' }])
    expect(result.warnings).toEqual(['google: the prompt was blocked (PROHIBITED_CONTENT).'])
  })

  it('separates thought parts into reasoning', async () => {
    const body = JSON.stringify({
      candidates: [{ content: { role: 'model', parts: [{ text: 'Thinking...', thought: true }, { text: 'Answer' }] }, finishReason: 'MAX_TOKENS' }],
    })
    server = await createTestServer([respondWith(200, body)])
    const result = await createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices).toEqual([
      {
        text: 'Answer',
        reasoning: 'Thinking...',
        reasoningParts: [{ type: 'reasoning', provider: 'google', text: 'Thinking...' }],
        finishReason: 'length',
        rawFinishReason: 'MAX_TOKENS',
      },
    ])
  })

  it('keeps thought signatures: on thought parts as signed reasoning, on function calls as the tool call signature', async () => {
    const parts = [
      { text: 'Plan: ', thought: true },
      { text: 'call the tool.', thought: true, thoughtSignature: 'sig-thought' },
      { functionCall: { name: 'weather', args: { city: 'Paris' } }, thoughtSignature: 'sig-call' },
    ]
    server = await createTestServer([respondWith(200, JSON.stringify({ candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP' }] }))])
    const result = await createGoogle({ apiKey, baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices[0]).toMatchObject({
      reasoningParts: [{ type: 'reasoning', provider: 'google', text: 'Plan: call the tool.', signature: 'sig-thought' }],
      toolCalls: [{ id: 'call_0', name: 'weather', args: { city: 'Paris' }, signature: 'sig-call' }],
    })
  })
})
