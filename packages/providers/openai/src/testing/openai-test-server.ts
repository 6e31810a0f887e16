// Test support only (not exported): a real HTTP server on 127.0.0.1 that replays recorded OpenAI responses.
import { readFileSync } from 'node:fs'
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
  readonly url: string
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

/** Starts a server answering the n-th request with `handlers[n]` (the last one answers the rest). */
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

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture's text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJson(name: string): TestHandler {
  const body = readFixture(`${name}.json`)
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(body)
  }
}

/** Answers with a fixture's chunks as server-sent events, ending with `data: [DONE]`. */
export function sendFixtureChunks(name: string): TestHandler {
  const lines = readFixture(`${name}.chunks.txt`)
    .split('\n')
    .filter((line) => line.trim() !== '')
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    for (const line of lines) response.write(`data: ${line}\n\n`)
    response.end('data: [DONE]\n\n')
  }
}

/** Answers with a JSON body and status. */
export function sendJson(status: number, value: unknown, headers: Record<string, string> = {}): TestHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(JSON.stringify(value))
  }
}
