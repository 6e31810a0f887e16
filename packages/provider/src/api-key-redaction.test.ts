import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, type RecordedRequest, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { parseSSEStream } from './parse-sse-stream.js'
import { postJSONToAPI } from './post-json-to-api.js'
import { postToAPIStream } from './post-to-api-stream.js'

const apiKey = 'sk-test-SECRET-0123456789'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Every way an error might be shown: message, stack, JSON, and Node's inspect (which prints causes). */
function everyRendering(error: unknown): string {
  return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 8 })].join('\n')
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

const echo = (request: RecordedRequest) => `${request.headers.authorization} ${request.headers['x-api-key']} ${request.path} ${request.body}`

describe('API keys never appear in errors', () => {
  it('redacts keys echoed in error bodies, headers, URLs and request bodies', async () => {
    server = await createTestServer([
      (request, response) => {
        response.writeHead(401, { 'content-type': 'application/json', 'x-echo': String(request.headers['x-api-key']) })
        response.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${echo(request)}` } }))
      },
      (request, response) => {
        response.writeHead(500, { 'content-type': 'text/plain' })
        response.end(`internal error for ${echo(request)}`)
      },
      (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(`{"echo": "${echo(request)}`)
      },
    ])
    const call = () =>
      postJSONToAPI({
        url: `${server?.url}/v1/chat?key=${apiKey}`,
        headers: { authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey },
        body: { model: 'acme-1', note: `my key is ${apiKey}` },
        provider: 'acme',
      })
    for (const expected of ['AuthenticationError', 'ServerError', 'InvalidResponseDataError']) {
      const error = await failure(call())
      expect((error as Error).name).toBe(expected)
      expect(APICallError.isInstance(error)).toBe(true)
      const rendered = everyRendering(error)
      expect(rendered).toContain('[REDACTED]')
      expect(rendered).not.toContain(apiKey)
      expect(rendered).not.toContain('SECRET')
    }
  })

  it("redacts keys from what a provider's mapError builds, and from network and stream errors", async () => {
    server = await createTestServer([
      (request, response) => {
        response.writeHead(400, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ detail: echo(request) }))
      },
      (_request, response) => response.socket?.destroy(),
      (request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.end(`data: {"echo": "${echo(request)}`)
      },
    ])
    const options = {
      url: `${server.url}/v1/chat`,
      headers: { authorization: `Bearer ${apiKey}` },
      body: { prompt: apiKey },
      provider: 'acme',
    }
    const mapped = await failure(
      postJSONToAPI({
        ...options,
        mapError: (statusCode, responseBody, responseHeaders, context) =>
          new APICallError({ ...context, message: `acme said ${responseBody}`, statusCode, responseBody, responseHeaders }),
      }),
    )
    const network = await failure(postJSONToAPI(options))
    const { body, parseOptions } = await postToAPIStream(options)
    const stream = await failure(
      (async () => {
        for await (const _event of parseSSEStream(body, parseOptions)) {
          // Drain.
        }
      })(),
    )
    for (const error of [mapped, network, stream]) {
      expect(APICallError.isInstance(error)).toBe(true)
      expect(everyRendering(error)).not.toContain(apiKey)
    }
    expect((mapped as APICallError).message).toContain('[REDACTED]')
    expect((stream as APICallError).responseBody).toContain('[REDACTED]')
  })
})
