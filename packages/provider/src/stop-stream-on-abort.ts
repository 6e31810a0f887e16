import type { StreamPart } from './language-model/language-model.js'

/**
 * Passes a provider's stream parts through until `signal` aborts, then throws the abort reason, untouched, on the
 * next part. A consumer that aborts and keeps reading so gets the reason even when the rest of the stream had
 * already arrived and been parsed; stopping (here or in the consumer) cancels the parser, which closes the
 * connection.
 *
 * @param parts - The parsed parts (from a provider's stream parser).
 * @param signal - The caller's signal.
 * @throws The signal's reason once it has aborted.
 * @example
 * ```ts
 * yield* stopStreamOnAbort(parseAcmeStream(parseSSEStream(body, parseOptions), parseOptions), request.signal)
 * ```
 */
export async function* stopStreamOnAbort(
  parts: AsyncIterable<StreamPart>,
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamPart, void, undefined> {
  if (signal === undefined) {
    yield* parts
    return
  }
  for await (const part of parts) {
    signal.throwIfAborted()
    yield part
  }
}
