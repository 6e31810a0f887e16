// Test support only (not exported): a real HTTP server on 127.0.0.1 and the recorded Google fixtures.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the test server received. */
export interface RecordedRequest {
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Answers the n-th request (the last handler answers any further request). */
export type TestHandler = (request: RecordedRequest, response: ServerResponse) => unknown

/** A running test server. */
export interface TestServer {
  readonly url: string
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

/** Starts a server on 127.0.0.1 with a random port. */
export async function createTestServer(handlers: readonly TestHandler[]): Promise<TestServer> {
  const requests: RecordedRequest[] = []
  const server = createServer((incoming, response) => {
    response.on('error', () => undefined)
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const request = { path: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }
      const index = requests.length
      requests.push(request)
      const handler = handlers[Math.min(index, handlers.length - 1)]
      Promise.resolve(handler?.(request, response)).catch(() => response.destroy())
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

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture file (`google-text.json`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Serves a whole JSON body. */
export const jsonHandler =
  (status: number, body: string, headers: Record<string, string> = {}): TestHandler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(body)
  }

/** Turns recorded `.chunks.txt` payload lines into Gemini SSE (`data: LINE` events, no end marker). */
export function toServerSentEvents(chunks: string): string[] {
  return chunks
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\r\n\r\n`)
}

/** Serves SSE events, one write each; `cutAfter` destroys the socket after that many events. */
export const sseHandler =
  (events: readonly string[], cutAfter?: number): TestHandler =>
  async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const sent = cutAfter === undefined ? events : events.slice(0, cutAfter)
    for (const event of sent) {
      response.write(event)
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (cutAfter === undefined) response.end()
    else response.destroy()
  }
