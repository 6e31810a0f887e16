import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, sendJSON, sleep, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import { postToAPIStream } from './post-to-api-stream.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text()
}

describe('postToAPIStream', () => {
  it('returns the body as soon as the headers arrive, and the time limit stops there', async () => {
    let finish = (): void => undefined
    const finished = new Promise<void>((resolve) => {
      finish = resolve
    })
    server = await createTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req-2' })
      response.write('data: one\n\n')
      await finished
      response.end('data: two\n\n')
    })
    const result = await postToAPIStream({ url: `${server.url}/stream`, body: { stream: true }, timeoutMs: 500 })
    expect(result.statusCode).toBe(200)
    expect(result.responseHeaders['x-request-id']).toBe('req-2')
    expect(result.url).toBe(`${server.url}/stream`)
    expect(result.parseOptions).toMatchObject({ url: `${server.url}/stream` })
    // The body outlives the time limit: the limit covers only the wait for the headers.
    await sleep(700)
    finish()
    expect(await readAll(result.body)).toBe('data: one\n\ndata: two\n\n')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ stream: true })
  })

  it('throws a TimeoutError when the headers do not arrive in time', async () => {
    server = await createTestServer(async (_request, response) => {
      await sleep(1000)
      response.end()
    })
    await expect(postToAPIStream({ url: server.url, body: {}, timeoutMs: 30 })).rejects.toBeInstanceOf(TimeoutError)
  })

  it('maps an error status like the JSON call', async () => {
    server = await createTestServer((_request, response) => sendJSON(response, 503, { error: 'overloaded' }))
    const error = await postToAPIStream({ url: server.url, body: {}, provider: 'acme' }).catch((caught) => caught)
    expect(error).toBeInstanceOf(APICallError)
    expect((error as APICallError).statusCode).toBe(503)
    expect((error as APICallError).isRetryable).toBe(true)
    expect((error as APICallError).message).toBe('acme call failed with status 503: overloaded')
  })
})
