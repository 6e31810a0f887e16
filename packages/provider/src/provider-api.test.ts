import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { createProviderAPI } from './provider-api.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const isGreeting = (value: unknown): value is { greeting: string } =>
  typeof value === 'object' && value !== null && typeof (value as { greeting?: unknown }).greeting === 'string'

describe('createProviderAPI', () => {
  it('posts JSON under the base URL with the provider headers, the call headers on top', async () => {
    server = await createTestServer((_request, response) => response.end('{"greeting":"hi"}'))
    let reads = 0
    const api = createProviderAPI({
      provider: 'acme',
      baseURL: `${server.url}/v1//`,
      headers: () => {
        reads += 1
        return { authorization: 'Bearer key', 'x-team': 'a' }
      },
    })
    const { value } = await api.postJSON('/greet', { name: 'Ada' }, { headers: { 'x-team': 'b' } }, isGreeting)
    expect(value.greeting).toBe('hi')
    expect(reads).toBe(1)
    const [request] = server.requests
    expect(request?.path).toBe('/v1/greet')
    expect(request?.headers['x-team']).toBe('b')
    expect(request?.headers.authorization).toBe('Bearer key')
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'Ada' })
  })

  it('reads a base URL given as a function at call time', async () => {
    server = await createTestServer((_request, response) => response.end('{}'))
    let base = 'http://127.0.0.1:1'
    const api = createProviderAPI({ provider: 'acme', baseURL: () => base, headers: () => ({}) })
    base = server.url
    await api.postJSON('/x', {}, {})
    expect(server.requests).toHaveLength(1)
  })

  it('retries a retryable failure up to maxRetries, then throws the provider error', async () => {
    const failure = (_request: unknown, response: import('node:http').ServerResponse): void => {
      response.writeHead(503, { 'retry-after-ms': '1' }).end('{"error":"busy"}')
    }
    server = await createTestServer(failure)
    const api = createProviderAPI({ provider: 'acme', baseURL: server.url, headers: () => ({}), maxRetries: 1 })
    const error = await api.postJSON('/x', {}, {}).catch((caught: unknown) => caught)
    expect(APICallError.isInstance(error) && error.statusCode).toBe(503)
    expect(server.requests).toHaveLength(2)
  })

  it('maps errors with the provider mapError', async () => {
    server = await createTestServer((_request, response) => response.writeHead(400).end('bad'))
    const api = createProviderAPI({
      provider: 'acme',
      baseURL: server.url,
      headers: () => ({}),
      mapError: (statusCode, responseBody, responseHeaders, context) =>
        new APICallError({ ...context, message: `acme says ${responseBody}`, statusCode, responseBody, responseHeaders }),
    })
    await expect(api.postJSON('/x', {}, {})).rejects.toThrow('acme says bad')
  })

  it('streams: returns the response once its headers arrive', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end('data: 1\n\n')
    })
    const api = createProviderAPI({ provider: 'acme', baseURL: server.url, headers: () => ({}) })
    const { body } = await api.postStream('/s', {}, {})
    expect(await new Response(body).text()).toBe('data: 1\n\n')
  })

  it('stops at once when the call is aborted', async () => {
    server = await createTestServer(() => undefined)
    const api = createProviderAPI({ provider: 'acme', baseURL: server.url, headers: () => ({}) })
    const controller = new AbortController()
    const pending = api.postJSON('/x', {}, { signal: controller.signal })
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
  })
})
