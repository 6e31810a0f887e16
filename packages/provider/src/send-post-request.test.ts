import { afterEach, describe, expect, it } from 'vitest'
import { APICallError } from './errors/api-call-error.js'
import { type ErrorResponseContext, sendPostRequest } from './send-post-request.js'
import { createTestServer, sendJson, type TestServer } from './testing/create-test-server.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('sendPostRequest', () => {
  it('lets headers override the JSON content type and adds the user agent', async () => {
    server = await createTestServer((_request, response) => sendJson(response, 200, {}))
    const sent = await sendPostRequest({ url: server.url, headers: { 'Content-Type': 'application/vnd.acme+json' }, body: 1 })
    sent.clearTimeout()
    await sent.response.body?.cancel()
    expect(server.requests[0]?.headers['content-type']).toBe('application/vnd.acme+json')
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^dspex-provider\//)
    expect(server.requests[0]?.body).toBe('1')
  })

  it("hands mapError a redacted URL and request body, and the request's credentials", async () => {
    server = await createTestServer((_request, response) => sendJson(response, 418, {}))
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
