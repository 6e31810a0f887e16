import { createParser } from 'eventsource-parser'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { type ParseStreamOptions, readTextChunks, streamErrorFields, streamSource } from './read-text-chunks.js'

/** One server-sent event. */
export interface ServerSentEvent {
  /** The event type (`event:` line), if the server named one. */
  readonly event?: string
  /** The event's data: its `data:` lines joined by newlines. */
  readonly data: string
  /** The event id (`id:` line), if any. */
  readonly id?: string
}

/**
 * Parses a server-sent-events body into events as they arrive. Iteration ends at the end of the
 * body or at a `data: [DONE]` event (OpenAI's end marker, not yielded), which also closes the body.
 * Comments and unknown fields are skipped.
 *
 * @param body - The response body (from {@link postToAPIStream}).
 * @param options - The caller's signal and where the stream came from.
 * @returns An async iterable of events; breaking out of the loop cancels the body.
 * @throws {StreamInterruptedError} When the connection breaks, or the body ends in the middle of an event.
 * @throws The caller's abort reason, untouched, when `signal` aborts.
 * @example
 * ```ts
 * const { body, parseOptions } = await postToAPIStream({ url, headers, body: payload, signal, provider: 'acme' })
 * for await (const { event, data } of parseSSEStream(body, parseOptions)) {
 *   const chunk = parseJSON(data, { provider: 'acme' })
 * }
 * ```
 */
export async function* parseSSEStream(
  body: ReadableStream<Uint8Array>,
  options: ParseStreamOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  let pending: ServerSentEvent[] = []
  const parser = createParser({
    onEvent: ({ event, data, id }) => {
      pending.push({ data, ...(event === undefined ? {} : { event }), ...(id === undefined ? {} : { id }) })
    },
  })
  const take = (): ServerSentEvent[] => {
    const events = pending
    pending = []
    return events
  }
  for await (const text of readTextChunks(body, options)) {
    parser.feed(text)
    for (const event of take()) {
      if (event.data === '[DONE]') return
      yield event
    }
  }
  // A complete stream ends on a blank line: anything the terminators below complete was cut off.
  parser.feed('\n\n')
  const cut = take()[0]
  if (cut !== undefined) {
    throw new StreamInterruptedError({
      ...streamErrorFields(options),
      message: `${streamSource(options)} ended in the middle of an event.`,
      responseBody: cut.data,
    })
  }
}
