// Test support only (not exported): a real HTTP server on 127.0.0.1 that replays Ollama responses.
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

/** Reads a fixture of `src/__fixtures__/`. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJson(name: string): TestHandler {
  const body = readFixture(`${name}.json`)
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(body)
  }
}

/** Answers with a fixture's NDJSON lines, each written separately (split in two to test line assembly). */
export function sendFixtureNdjson(name: string): TestHandler {
  const lines = readFixture(`${name}.ndjson`)
    .split('\n')
    .filter((line) => line.trim() !== '')
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' })
    for (const line of lines) {
      const middle = Math.floor(line.length / 2)
      response.write(line.slice(0, middle))
      await new Promise((resolve) => setTimeout(resolve, 1))
      response.write(`${line.slice(middle)}\n`)
    }
    response.end()
  }
}

/** Answers with raw NDJSON text, then ends the response (or destroys the socket when `destroy`). */
export function sendRawNdjson(text: string, destroy = false): TestHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' })
    if (destroy) {
      response.write(text, () => setTimeout(() => response.destroy(), 5))
      return
    }
    response.end(text)
  }
}

/** Answers with a JSON body and status. */
export function sendJson(status: number, value: unknown, headers: Record<string, string> = {}): TestHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    response.end(JSON.stringify(value))
  }
}
