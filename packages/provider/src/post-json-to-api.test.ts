import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { createTestServer, sendJSON, sleep, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import { NetworkError } from './errors/network-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import { postJSONToAPI } from './post-json-to-api.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const isCompletion = (value: unknown): value is { text: string } =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('postJSONToAPI', () => {
  it('posts JSON and returns the parsed reply with its headers', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 200, { text: 'hi' }, { 'x-request-id': 'req-1' }))
    const result = await postJSONToAPI({
      url: `${server.url}/v1/chat`,
      headers: { Authorization: 'Bearer key-1234', 'User-Agent': 'my-app/1.0' },
      body: { model: 'acme-1', messages: [{ role: 'user', content: 'hello' }] },
      validate: isCompletion,
    })
    expectTypeOf(result.value).toEqualTypeOf<{ text: string }>()
    expect(result.value).toEqual({ text: 'hi' })
    expect(result.statusCode).toBe(200)
    expect(result.responseHeaders['x-request-id']).toBe('req-1')
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/v1/chat')
    expect(JSON.parse(request?.body ?? '')).toEqual({ model: 'acme-1', messages: [{ role: 'user', content: 'hello' }] })
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers.authorization).toBe('Bearer key-1234')
    expect(request?.headers['user-agent']).toMatch(/^my-app\/1\.0 dspex-provider\/\d+\.\d+\.\d+/)
  })

  it('maps 401 to a non-retryable AuthenticationError with the provider message', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 401, { error: { message: 'Invalid API key' } }))
    const url = `${server.url}/v1/chat`
    const error = await failure(postJSONToAPI({ url, body: {}, provider: 'acme' }))
    expect(error).toBeInstanceOf(AuthenticationError)
    const { statusCode, isRetryable, message, responseBody, provider } = error as AuthenticationError
    expect(statusCode).toBe(401)
    expect(isRetryable).toBe(false)
    expect(message).toBe('acme call failed with status 401: Invalid API key')
    expect(responseBody).toBe('{"error":{"message":"Invalid API key"}}')
    expect(provider).toBe('acme')
    expect((error as APICallError).url).toBe(url)
    expect((error as APICallError).requestBodyValues).toEqual({})
  })

  it('maps 429 to a RateLimitError carrying retry-after', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 429, { error: 'slow down' }, { 'retry-after': '3' }))
    const error = await failure(postJSONToAPI({ url: server.url, body: {} }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(3000)
    expect((error as RateLimitError).responseHeaders?.['retry-after']).toBe('3')
  })

  it("uses the provider's mapError, and the default one if it does not return an APICallError", async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 400, { oops: 'context too big' }))
    const seen: unknown[] = []
    const mapped = await failure(
      postJSONToAPI({
        url: server.url,
        body: { a: 1 },
        provider: 'acme',
        mapError: (statusCode, responseBody, responseHeaders, context) => {
          seen.push(statusCode, responseBody, responseHeaders['content-type'], context.url, context.requestBodyValues)
          return new APICallError({ ...context, message: 'mapped', statusCode, responseBody })
        },
      }),
    )
    expect((mapped as APICallError).message).toBe('mapped')
    expect(seen).toEqual([400, '{"oops":"context too big"}', 'application/json', server.url, { a: 1 }])
    const fallback = await failure(
      postJSONToAPI({
        url: server.url,
        body: {},
        mapError: () => {
          throw new Error('bug in mapError')
        },
      }),
    )
    expect(fallback).toBeInstanceOf(APICallError)
    expect((fallback as APICallError).statusCode).toBe(400)
    expect((fallback as APICallError).cause).toBeInstanceOf(Error)
  })

  it('throws InvalidResponseDataError with the raw text for malformed JSON or a wrong shape', async () => {
    server = await createTestServer([
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end('{"text": "hi"')
      },
      (_request, response) => sendJSON(response, 200, { text: 42 }),
    ])
    const malformed = await failure(postJSONToAPI({ url: server.url, body: {}, provider: 'acme' }))
    expect(malformed).toBeInstanceOf(InvalidResponseDataError)
    expect((malformed as InvalidResponseDataError).text).toBe('{"text": "hi"')
    expect((malformed as InvalidResponseDataError).statusCode).toBe(200)
    expect((malformed as InvalidResponseDataError).isRetryable).toBe(false)
    const wrongShape = await failure(postJSONToAPI({ url: server.url, body: {}, validate: isCompletion }))
    expect(wrongShape).toBeInstanceOf(InvalidResponseDataError)
    expect((wrongShape as InvalidResponseDataError).data).toEqual({ text: 42 })
  })

  it('maps a reset connection to a retryable NetworkError', async () => {
    server = await createTestServer((_request, response) => response.socket?.destroy())
    const error = await failure(postJSONToAPI({ url: server.url, body: {}, provider: 'acme' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).isRetryable).toBe(true)
    expect((error as NetworkError).message).toMatch(/^Cannot reach acme \(http:\/\/127\.0\.0\.1:\d+\): fetch failed/)
  })

  it('maps a refused connection and a body cut mid-way to NetworkError', async () => {
    const closed = await createTestServer(() => undefined)
    await closed.close()
    expect(await failure(postJSONToAPI({ url: closed.url, body: {} }))).toBeInstanceOf(NetworkError)
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"text": "partial')
      setTimeout(() => response.socket?.destroy(), 10)
    })
    expect(await failure(postJSONToAPI({ url: server.url, body: {} }))).toBeInstanceOf(NetworkError)
  })

  it('rethrows the abort reason untouched when the caller aborts mid-request', async () => {
    server = await createTestServer(async (_request, response) => {
      await sleep(1000)
      sendJSON(response, 200, { text: 'late' })
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const error = await failure(postJSONToAPI({ url: server.url, body: {}, signal: controller.signal }))
    expect(error).toBe(controller.signal.reason)
    expect((error as DOMException).name).toBe('AbortError')
    expect(APICallError.isInstance(error)).toBe(false)

    const reason = new Error('user cancelled')
    const custom = new AbortController()
    setTimeout(() => custom.abort(reason), 20)
    expect(await failure(postJSONToAPI({ url: server.url, body: {}, signal: custom.signal }))).toBe(reason)
  })

  it('sends nothing when the signal is already aborted', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 200, {}))
    const reason = new Error('already')
    expect(await failure(postJSONToAPI({ url: server.url, body: {}, signal: AbortSignal.abort(reason) }))).toBe(reason)
    expect(server.requests).toHaveLength(0)
  })

  it('throws a retryable TimeoutError when timeoutMs runs out, the body included', async () => {
    server = await createTestServer([
      async (_request, response) => {
        await sleep(1000)
        sendJSON(response, 200, {})
      },
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.write('{"text":')
      },
    ])
    const started = performance.now()
    const error = await failure(postJSONToAPI({ url: server.url, body: {}, timeoutMs: 40, provider: 'acme' }))
    expect(performance.now() - started).toBeLessThan(500)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).timeoutMs).toBe(40)
    expect((error as TimeoutError).isRetryable).toBe(true)
    expect((error as TimeoutError).message).toMatch(/^acme \(http:\/\/127\.0\.0\.1:\d+\) did not answer within 40 ms\.$/)
    expect(await failure(postJSONToAPI({ url: server.url, body: {}, timeoutMs: 40 }))).toBeInstanceOf(TimeoutError)
  })

  it('uses a custom fetch when given one', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 200, { text: 'hi' }))
    const urls: string[] = []
    const result = await postJSONToAPI({
      url: server.url,
      body: {},
      fetch: (input, init) => {
        urls.push(input instanceof Request ? input.url : String(input))
        return fetch(input, init)
      },
    })
    expect(result.value).toEqual({ text: 'hi' })
    expect(urls).toEqual([`${server.url}/`])
  })
})
