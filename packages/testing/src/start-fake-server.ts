import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import { createTestServer } from '@dspex/provider/test-server'

/** A request a fake provider server received. */
export interface FakeRequest {
  readonly method: string
  /** The path with its query string, such as `/v1/chat/completions`. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The raw body text. */
  readonly body: string
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown
  /** Whether the client asked for a streamed answer. */
  readonly stream: boolean
}

/** A tool call the fake model makes. */
export interface FakeToolCall {
  readonly id?: string
  readonly name: string
  readonly arguments: Readonly<Record<string, unknown>>
}

/** What the fake model answers. */
export interface FakeReply {
  readonly text?: string
  readonly toolCalls?: readonly FakeToolCall[]
  /**
   * A reasoning summary. Only the fake OpenAI server's `/responses` sends it, as a `reasoning` item before the
   * function calls, with `encrypted_content` when the request's `include` asks for `reasoning.encrypted_content`.
   */
  readonly reasoning?: string
  /** Token counts reported as usage; defaults to 10 and the number of words in the text. */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number }
}

/** A fault injected into one request; several may be combined (latency comes first). */
export interface FakeFault {
  /** Waits this long before answering (or failing). */
  readonly latencyMs?: number
  /** Answers with this HTTP status and the protocol's error body (429, 500, 503...). */
  readonly status?: number
  /** With a 429 (or any status): the `retry-after` header, in seconds. */
  readonly retryAfterSeconds?: number
  /** Destroys the connection without answering. */
  readonly reset?: boolean
  /** For a streamed answer: sends half the events, then half of the next one, then cuts the connection. */
  readonly truncateStream?: boolean
  /** Sends a 200 whose body (or first stream event) is not valid JSON. */
  readonly malformedJSON?: boolean
}

/** Chooses the fault for one request (`index` counts requests from 0); `undefined` means none. */
export type FakeFaultChooser = (request: FakeRequest, index: number) => FakeFault | undefined

/** How one protocol writes its answers; each `fake-*-server.ts` file defines one. */
export interface FakeProtocol {
  readonly name: string
  /** Whether the request asks for a stream. */
  isStream(path: string, json: unknown): boolean
  /** The model name to echo, read from the request. */
  modelOf(path: string, json: unknown): string
  /** The whole non-streaming body; `request` lets a protocol answer other endpoints (embeddings). */
  json(reply: FakeReply, model: string, request: FakeRequest): unknown
  /** The content type of a stream. */
  readonly streamContentType: string
  /** The stream's events, each already framed (`data: ...\n\n` or one NDJSON line); `request` lets a protocol stream other endpoints. */
  streamEvents(reply: FakeReply, model: string, request: FakeRequest): string[]
  /** A malformed stream event in this protocol's framing. */
  readonly malformedEvent: string
  /** The error body for a status. */
  errorBody(status: number, message: string): unknown
}

/** Options of {@link startFakeServer}. */
export interface StartFakeServerOptions {
  readonly reply?: (request: FakeRequest) => string | FakeReply
  readonly faults?: readonly FakeFault[] | FakeFaultChooser
}

/** A running fake provider server on 127.0.0.1. */
export interface FakeProviderServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: FakeRequest[]
  /** Closes every connection and the server. */
  close(): Promise<void>
}

/** The text answered when no `reply` is given. */
export const defaultFakeReplyText = 'Hello from the fake server.'

const parseBody = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function answer(
  protocol: FakeProtocol,
  request: FakeRequest,
  fault: FakeFault | undefined,
  reply: FakeReply,
  response: ServerResponse,
): Promise<void> {
  if (fault?.latencyMs) await sleep(fault.latencyMs)
  if (fault?.reset) {
    response.socket?.destroy()
    return
  }
  if (fault?.status !== undefined) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
    response.writeHead(fault.status, headers)
    response.end(JSON.stringify(protocol.errorBody(fault.status, `Injected fault: status ${fault.status}`)))
    return
  }
  const model = protocol.modelOf(request.path, request.json)
  if (!request.stream) {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(fault?.malformedJSON ? '{"malformed": tru' : JSON.stringify(protocol.json(reply, model, request)))
    return
  }
  const events = protocol.streamEvents(reply, model, request)
  response.writeHead(200, { 'content-type': protocol.streamContentType, 'cache-control': 'no-cache' })
  if (fault?.malformedJSON) {
    response.end(protocol.malformedEvent + events.join(''))
    return
  }
  if (fault?.truncateStream) {
    const kept = Math.max(1, Math.floor(events.length / 2))
    const next = events[kept] ?? ''
    response.write(events.slice(0, kept).join('') + next.slice(0, Math.ceil(next.length / 2)))
    // Give the partial event time to leave before the connection is cut.
    await sleep(5)
    response.socket?.destroy()
    return
  }
  response.end(events.join(''))
}

/**
 * Starts a fake provider server for one protocol on a free port of 127.0.0.1, with keep-alive.
 * Each `fake-*-server.ts` file calls it with its protocol; tests use {@link startFakeProviderServer}.
 *
 * @param protocol - How answers are written.
 * @param options - The reply and the faults to inject.
 * @returns The server's URL, its recorded requests and `close`.
 */
export async function startFakeServer(protocol: FakeProtocol, options: StartFakeServerOptions = {}): Promise<FakeProviderServer> {
  const requests: FakeRequest[] = []
  const queue = Array.isArray(options.faults) ? [...options.faults] : undefined
  const chooser = typeof options.faults === 'function' ? options.faults : undefined
  const server = await createTestServer(async (recorded, response) => {
    const json = parseBody(recorded.body)
    const request: FakeRequest = { ...recorded, json, stream: protocol.isStream(recorded.path, json) }
    const index = requests.length
    requests.push(request)
    const fault = queue ? queue.shift() : chooser?.(request, index)
    const replied = options.reply?.(request) ?? defaultFakeReplyText
    await answer(protocol, request, fault, typeof replied === 'string' ? { text: replied } : replied, response)
  })
  return { url: server.url, requests, close: server.close }
}

/** Usage for a reply: the given counts, or 10 in and one per word out. */
export function fakeUsage(reply: FakeReply): { inputTokens: number; outputTokens: number } {
  return reply.usage ?? { inputTokens: 10, outputTokens: (reply.text ?? '').split(/\s+/).filter(Boolean).length }
}

/** Splits a reply's text into a few stream deltas (word by word, spaces kept). */
export function splitFakeText(text: string): string[] {
  const pieces = text.match(/\S+\s*|\s+/g) ?? []
  return pieces.length > 0 ? pieces : []
}

/** A stable tool call id for the n-th call when the reply gives none. */
export const fakeToolCallId = (call: FakeToolCall, index: number): string => call.id ?? `call_${index}`
