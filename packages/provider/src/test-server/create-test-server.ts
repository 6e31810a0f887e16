import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request a test server received. */
export interface RecordedRequest {
  readonly method: string
  /** The path with its query string. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The raw body text. */
  readonly body: string
}

/** Answers one request; `index` counts requests from 0. A handler that throws closes the connection. */
export type TestHandler = (request: RecordedRequest, response: ServerResponse, index: number) => unknown

/** A running test server on 127.0.0.1. */
export interface TestServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** Closes every connection and the server. */
  close(): Promise<void>
}

/**
 * Starts a real HTTP server on a free port of 127.0.0.1 (keep-alive on) that records every request
 * and answers the n-th one with `handlers[n]` (the last handler answers any further request), or
 * every request with a single handler. Provider tests replay recorded responses through it.
 *
 * @example
 * ```ts
 * const server = await createTestServer([respondWith(429, { error: 'slow down' }, { 'retry-after': '1' }), respondWith(200, body)])
 * ```
 */
export async function createTestServer(handlers: TestHandler | readonly TestHandler[]): Promise<TestServer> {
  const list = typeof handlers === 'function' ? [handlers] : handlers
  const requests: RecordedRequest[] = []
  const server = createServer((incoming, response) => {
    response.on('error', () => undefined)
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      const index = requests.length
      requests.push(request)
      const handler = list[Math.min(index, list.length - 1)]
      Promise.resolve()
        .then(() => handler?.(request, response, index))
        .catch(() => response.destroy())
    })
  })
  server.keepAliveTimeout = 60_000
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A handler answering with `status` and a JSON body: `body` as given when it is text (a recorded
 * response), else serialised.
 */
export function respondWith(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): TestHandler {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(text)
  }
}
