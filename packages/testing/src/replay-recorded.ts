import type { TestHandler } from '@dspex/provider/test-server'

// Replay of recorded provider responses through `createTestServer`. A recorded stream (`NAME.chunks.txt`) holds one
// payload a line; a recorded body (`NAME.json`) is answered as it is with `respondWith(200, text)`.

/**
 * The payload lines of a recorded `.chunks.txt` text, in order, without blank lines.
 *
 * @example
 * ```ts
 * readRecordedPayloads('{"a":1}\n\n{"a":2}\n') // ['{"a":1}', '{"a":2}']
 * ```
 */
export function readRecordedPayloads(chunks: string): string[] {
  return chunks.split('\n').filter((line) => line.trim() !== '')
}

/** How {@link toServerSentEvents} frames each payload. */
export interface ServerSentEventsOptions {
  /** Names each event after its payload, in an `event:` line before `data:` (Anthropic uses the payload's `type`). */
  readonly eventName?: (payload: string) => string
  /** Ends every line with `\n` (the default) or `\r\n` (Gemini's recorded stream). */
  readonly lineEnding?: '\n' | '\r\n'
  /** Adds a final `data: [DONE]` event, as Chat Completions streams end. */
  readonly done?: boolean
}

/**
 * Frames payloads as server-sent events, one string per event: `data: PAYLOAD` and a blank line, with an `event:`
 * line first when `eventName` is given.
 *
 * @example
 * ```ts
 * toServerSentEvents(['{"a":1}'], { done: true }) // ['data: {"a":1}\n\n', 'data: [DONE]\n\n']
 * ```
 */
export function toServerSentEvents(payloads: readonly string[], options: ServerSentEventsOptions = {}): string[] {
  const end = options.lineEnding ?? '\n'
  const frame = (data: string, name?: string): string => `${name === undefined ? '' : `event: ${name}${end}`}data: ${data}${end}${end}`
  const events = payloads.map((payload) => frame(payload, options.eventName?.(payload)))
  return options.done === true ? [...events, frame('[DONE]')] : events
}

/** Options of {@link replayServerSentEvents}. */
export interface ReplayServerSentEventsOptions {
  /** Destroys the socket after this many events instead of ending the response: a cut stream. */
  readonly cutAfter?: number
}

/**
 * A handler answering 200 with `text/event-stream` and the events, one write each with a turn of the event loop
 * between them, then ending the response (or destroying the socket after `cutAfter` events).
 *
 * @example
 * ```ts
 * const events = toServerSentEvents(readRecordedPayloads(recordedChunks))
 * const server = await createTestServer([replayServerSentEvents(events, { cutAfter: 3 })])
 * ```
 */
export function replayServerSentEvents(events: readonly string[], options: ReplayServerSentEventsOptions = {}): TestHandler {
  const { cutAfter } = options
  const sent = cutAfter === undefined ? events : events.slice(0, cutAfter)
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    for (const event of sent) {
      response.write(event)
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (cutAfter === undefined) response.end()
    else response.destroy()
  }
}
