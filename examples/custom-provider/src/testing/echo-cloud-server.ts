// Test support only (not exported): Echo Cloud on a real node:http server at 127.0.0.1, random port.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A `POST /v1/complete` the server received; `json` is the parsed body. */
export interface EchoCloudRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly json: { readonly model: string; readonly prompt: string; readonly max_tokens?: number; readonly temperature?: number }
}

/** Answers one authenticated `POST /v1/complete`; `index` counts requests (all of them) from 0. */
export type EchoCloudHandler = (request: EchoCloudRequest, response: ServerResponse, index: number) => void

/** A running Echo Cloud. */
export interface EchoCloudServer {
  /** `http://127.0.0.1:PORT`, the `baseURL` to give the provider. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: EchoCloudRequest[]
  /** Closes the server and every open connection. */
  close(): Promise<void>
}

/** Sends a JSON body with a status and extra headers. */
export function sendJSON(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/** Echo Cloud's success reply: the output, a word count as usage, and the stop reason. */
export const reply =
  (output: string, stop: 'done' | 'limit' = 'done'): EchoCloudHandler =>
  (request, response, index) =>
    sendJSON(response, 200, {
      id: `cmpl-${index}`,
      output,
      usage: { input: request.json.prompt.split(/\s+/).length, output: output.split(/\s+/).length },
      stop,
    })

/**
 * Starts Echo Cloud. It answers 404 off `POST /v1/complete` and, like some real services, a 401 that
 * repeats the wrong key back when the bearer token is not `apiKey`. Authenticated requests go to
 * `handlers[n]` for the n-th request (the last handler answers any further one).
 */
export async function createEchoCloudServer(apiKey: string, handlers: readonly EchoCloudHandler[]): Promise<EchoCloudServer> {
  const requests: EchoCloudRequest[] = []
  const server = createServer((incoming, response) => {
    response.on('error', () => undefined)
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      if (incoming.method !== 'POST' || incoming.url !== '/v1/complete') {
        sendJSON(response, 404, { error: { code: 'not_found', message: `No route ${incoming.method} ${incoming.url}` } })
        return
      }
      const request: EchoCloudRequest = {
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      }
      const index = requests.length
      requests.push(request)
      const token = incoming.headers.authorization?.replace(/^Bearer /, '')
      if (token !== apiKey) {
        sendJSON(response, 401, { error: { code: 'unauthorized', message: `Invalid API key: ${token}` } })
        return
      }
      handlers[Math.min(index, handlers.length - 1)]?.(request, response, index)
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
