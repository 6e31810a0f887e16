import {
  APICallError,
  AuthenticationError,
  ContextWindowExceededError,
  InvalidResponseDataError,
  LoadAPIKeyError,
  RateLimitError,
  type StreamPart,
} from '@dspex/provider'
import { afterEach, describe, expect, it } from 'vitest'
import { createEcho } from './echo-provider.js'
import { createEchoCloudServer, type EchoCloudServer, reply, sendJSON } from './testing/echo-cloud-server.js'

const apiKey = 'echo-secret-key-0123456789'
const messages = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Say hi.' },
] as const

let server: EchoCloudServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  delete process.env.ECHO_API_KEY
})

/** Everything an error exposes: message, JSON form (fields, body, headers, cause) and string form. */
const exposed = (error: unknown): string => `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`

describe('createEcho', () => {
  it('posts the flattened prompt with bearer auth and maps the reply', async () => {
    server = await createEchoCloudServer(apiKey, [reply('Hi there!', 'limit')])
    const model = createEcho({ apiKey, baseURL: `${server.url}/` })('echo-1')
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'echo', modelId: 'echo-1' })
    expect(model.capabilities).toEqual({ structuredOutputs: false, jsonMode: false, toolCalling: false, reasoning: false, images: false })

    const result = await model.generate({ messages, maxTokens: 20, temperature: 0.5 })
    expect(result.choices).toEqual([{ text: 'Hi there!', finishReason: 'length' }])
    expect(result.usage).toEqual({ promptTokens: 6, completionTokens: 2, totalTokens: 8 })
    expect(result.raw).toMatchObject({ id: 'cmpl-0', stop: 'limit' })
    expect(result.warnings).toBeUndefined()
    const [request] = server.requests
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(request?.json).toEqual({ model: 'echo-1', prompt: 'system: Be brief.\n\nuser: Say hi.', max_tokens: 20, temperature: 0.5 })
  })

  it('reads ECHO_API_KEY when a call is made, not before', async () => {
    server = await createEchoCloudServer(apiKey, [reply('ok')])
    const model = createEcho({ baseURL: server.url })('echo-1')
    await expect(model.generate({ messages })).rejects.toBeInstanceOf(LoadAPIKeyError)
    expect(server.requests).toHaveLength(0)
    process.env.ECHO_API_KEY = apiKey
    expect((await model.generate({ messages })).choices[0]?.text).toBe('ok')
  })

  it('streams the whole text once, then the finish part with usage', async () => {
    server = await createEchoCloudServer(apiKey, [reply('All at once.')])
    const parts: StreamPart[] = []
    for await (const part of createEcho({ apiKey, baseURL: server.url })('echo-1').stream({ messages })) parts.push(part)
    expect(parts).toEqual([
      { type: 'text-delta', delta: 'All at once.' },
      { type: 'finish', finishReason: 'stop', usage: { promptTokens: 6, completionTokens: 3, totalTokens: 9 } },
    ])
  })

  it('warns about options Echo Cloud ignores', async () => {
    server = await createEchoCloudServer(apiKey, [reply('ok')])
    const result = await createEcho({ apiKey, baseURL: server.url })('echo-1').generate({ messages, topP: 0.9, stop: ['\n'] })
    expect(result.warnings).toEqual(['Echo Cloud does not support topP; it was ignored.', 'Echo Cloud does not support stop; it was ignored.'])
  })

  it('maps a 401 to an AuthenticationError, not retried, with the API key redacted everywhere', async () => {
    server = await createEchoCloudServer('the-right-key', [reply('never')])
    const error = await createEcho({ apiKey, baseURL: server.url })('echo-1')
      .generate({ messages })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false, provider: 'echo' })
    expect((error as Error).message).toMatch(/^echo call failed with status 401: Invalid API key: /)
    expect(server.requests).toHaveLength(1)
    // The server repeated the key back in its body; the error must not carry it anywhere.
    expect(exposed(error)).not.toContain(apiKey)
  })

  it('keeps the API key out of errors that came from the environment too', async () => {
    server = await createEchoCloudServer(apiKey, [
      (_request, response) => sendJSON(response, 500, { error: { message: `upstream rejected ${apiKey}` } }),
    ])
    process.env.ECHO_API_KEY = apiKey
    const error = await createEcho({ baseURL: server.url, maxRetries: 0 })('echo-1')
      .generate({ messages })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APICallError)
    expect(error).toMatchObject({ statusCode: 500, isRetryable: true })
    expect(exposed(error)).not.toContain(apiKey)
  })

  it('retries a 429 after the retry-after wait, then succeeds', async () => {
    server = await createEchoCloudServer(apiKey, [
      (_request, response) => sendJSON(response, 429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'retry-after': '1' }),
      reply('Second time lucky.'),
    ])
    const started = performance.now()
    const result = await createEcho({ apiKey, baseURL: server.url })('echo-1').generate({ messages })
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(result.choices[0]?.text).toBe('Second time lucky.')
    expect(server.requests).toHaveLength(2)
  })

  it('gives a RateLimitError with the requested wait once retries run out', async () => {
    server = await createEchoCloudServer(apiKey, [
      (_request, response) => sendJSON(response, 429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'retry-after': '7' }),
    ])
    const error = await createEcho({ apiKey, baseURL: server.url, maxRetries: 0 })('echo-1')
      .generate({ messages })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 7000, message: 'echo call failed with status 429: Slow down.' })
  })

  it("maps Echo's prompt_too_long to a ContextWindowExceededError", async () => {
    server = await createEchoCloudServer(apiKey, [
      (_request, response) =>
        sendJSON(response, 400, { error: { code: 'prompt_too_long', message: 'The prompt has 9000 tokens; echo-1 reads 4096.' } }),
    ])
    const error = await createEcho({ apiKey, baseURL: server.url })('echo-1')
      .generate({ messages })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContextWindowExceededError)
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false })
  })

  it('rejects a reply of the wrong shape with an InvalidResponseDataError', async () => {
    server = await createEchoCloudServer(apiKey, [(_request, response) => sendJSON(response, 200, { id: 'x', text: 'no output field' })])
    await expect(createEcho({ apiKey, baseURL: server.url })('echo-1').generate({ messages })).rejects.toBeInstanceOf(InvalidResponseDataError)
  })

  it('rejects with the signal reason, untouched, when the caller aborts mid-call', async () => {
    const controller = new AbortController()
    server = await createEchoCloudServer(apiKey, [() => controller.abort()]) // never answers
    const error = await createEcho({ apiKey, baseURL: server.url })('echo-1')
      .generate({ messages, signal: controller.signal })
      .catch((caught: unknown) => caught)
    expect(error).toBe(controller.signal.reason)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(APICallError.isInstance(error)).toBe(false)
  })

  it('stops waiting for a retry when the caller aborts', async () => {
    const controller = new AbortController()
    server = await createEchoCloudServer(apiKey, [
      (_request, response) => {
        sendJSON(response, 429, { error: { message: 'Slow down.' } }, { 'retry-after': '30' })
        setTimeout(() => controller.abort(), 20)
      },
    ])
    const started = performance.now()
    const error = await createEcho({ apiKey, baseURL: server.url })('echo-1')
      .generate({ messages, signal: controller.signal })
      .catch((caught: unknown) => caught)
    expect(error).toBe(controller.signal.reason)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(server.requests).toHaveLength(1)
  })
})
