// Test support only (not exported): a real HTTP server on 127.0.0.1 with a random port.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the test server received. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Answers one request; `index` counts requests from 0. */
export type TestHandler = (request: RecordedRequest, response: ServerResponse, index: number) => unknown

/** A running test server. */
export interface TestServer {
  /** The base URL, `http://127.0.0.1:PORT`. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** Closes the server and every open connection. */
  close(): Promise<void>
}

/**
 * Starts a server that answers the n-th request with `handlers[n]` (the last handler answers
 * any further request), or every request with a single handler.
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
      Promise.resolve(handler?.(request, response, index)).catch(() => response.destroy())
    })
  })
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

/** Writes a JSON response. */
export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(value))
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
