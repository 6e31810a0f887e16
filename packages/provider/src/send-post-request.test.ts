import { readFileSync } from 'node:fs'
import { createServer as createHTTPSServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, sendJSON, type TestHandler, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import { NetworkError } from './errors/network-error.js'
import { postJSONToAPI } from './post-json-to-api.js'
import { retryWithExponentialBackoff } from './retry-with-exponential-backoff.js'
import { type ErrorResponseContext, sendPostRequest } from './send-post-request.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('sendPostRequest', () => {
  it('reports an untrusted certificate as a network error that a retry will not fix', async () => {
    const key = readFileSync(new URL('./__fixtures__/localhost-key.pem', import.meta.url), 'utf8')
    const cert = readFileSync(new URL('./__fixtures__/localhost-cert.pem', import.meta.url), 'utf8')
    const secure = createHTTPSServer({ key, cert }, (_request, response) => response.end('{}'))
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve))
    try {
      const url = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/v1`
      const error = await sendPostRequest({ url, body: {}, provider: 'acme' }).catch((caught: unknown) => caught)
      expect(NetworkError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ isRetryable: false })
      expect((error as Error).message).toMatch(/^Cannot reach acme \(https:\/\/127\.0\.0\.1:\d+\/v1\): fetch failed \(/)
    } finally {
      secure.closeAllConnections()
      await new Promise((resolve) => secure.close(resolve))
    }
  })

  it('lets headers override the JSON content type and adds the user agent', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 200, {}))
    const sent = await sendPostRequest({ url: server.url, headers: { 'Content-Type': 'application/vnd.acme+json' }, body: 1 })
    sent.clearTimeout()
    await sent.response.body?.cancel()
    expect(server.requests[0]?.headers['content-type']).toBe('application/vnd.acme+json')
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^dspex-provider\//)
    expect(server.requests[0]?.body).toBe('1')
  })

  it("hands mapError a redacted URL and request body, and the request's credentials", async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 418, {}))
    let context: ErrorResponseContext | undefined
    const error = await sendPostRequest({
      url: `${server.url}/v1?key=gk-secret-1`,
      headers: { 'x-api-key': 'ak-secret-2' },
      body: { echo: 'gk-secret-1' },
      provider: 'acme',
      mapError: (statusCode, _body, _headers, given) => {
        context = given
        return new APICallError({ ...given, message: 'teapot', statusCode })
      },
    }).catch((caught) => caught)
    expect(error).toBeInstanceOf(APICallError)
    expect(context?.url).toBe(`${server.url}/v1?key=[REDACTED]`)
    expect(context?.requestBodyValues).toEqual({ echo: '[REDACTED]' })
    expect(context?.provider).toBe('acme')
    expect([...(context?.secrets ?? [])].sort()).toEqual(['ak-secret-2', 'gk-secret-1'])
  })
})

describe('a 200 cut short or invalid, through the built-in fetch and an injected one', () => {
  const body = '{"choices":[{"text":"Paris"}]}'
  /** Answers the first request with a 200 whose body stops halfway, then every later one in full. */
  const cutOnce =
    (framing: Readonly<Record<string, string>>): TestHandler =>
    (_request, response, index) => {
      response.writeHead(200, { 'content-type': 'application/json', ...framing })
      if (index > 0) return response.end(body)
      response.write(body.slice(0, 12), () => setTimeout(() => response.socket?.destroy(), 5))
    }
  const fetches = [
    ['the built-in fetch', undefined],
    ['an injected fetch (Node’s)', globalThis.fetch],
  ] as const

  describe.each(fetches)('%s', (_name, fetch) => {
    it.each([
      ['content-length', { 'content-length': String(body.length) }],
      ['chunked', {}],
    ] as const)('makes a %s body cut short a retryable NetworkError, and the retry succeeds', async (_framing, framing) => {
      server = await createTestServer(cutOnce(framing))
      const url = server.url
      const error = await postJSONToAPI({ url, body: {}, provider: 'acme', fetch }).catch((caught: unknown) => caught)
      expect(NetworkError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ isRetryable: true, code: 'network' })
      expect((error as Error).message).toMatch(/^The connection to acme \(http:\/\/127\.0\.0\.1:\d+\) was lost before the response ended: terminated/)
      const retried = await retryWithExponentialBackoff(() => postJSONToAPI({ url, body: {}, provider: 'acme', fetch }), { initialDelayMs: 1 })
      expect(retried.value).toEqual({ choices: [{ text: 'Paris' }] })
      expect(server.requests).toHaveLength(2)
    })

    it('makes a complete body that is not JSON an InvalidResponseDataError carrying the body, not retried', async () => {
      server = await createTestServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end('<html>upstream error</html>')
      })
      const url = server.url
      const error = await retryWithExponentialBackoff(() => postJSONToAPI({ url, body: {}, provider: 'acme', fetch }), { initialDelayMs: 1 }).catch(
        (caught: unknown) => caught,
      )
      expect(InvalidResponseDataError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ text: '<html>upstream error</html>', statusCode: 200, isRetryable: false })
      expect(server.requests).toHaveLength(1)
    })
  })
})
