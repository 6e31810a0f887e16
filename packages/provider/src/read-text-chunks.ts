import { ProviderError } from './errors/provider-error.js'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { describeNetworkFailure, isNetworkFailure } from './is-network-failure.js'

/** Options of the stream parsers: the caller's signal and where the stream came from, for errors. */
export interface ParseStreamOptions {
  /** The caller's signal; when it aborts, reading rejects with the signal's reason, untouched. */
  readonly signal?: AbortSignal | undefined
  /** The URL the stream came from (as {@link postToAPIStream} returns it). */
  readonly url?: string
  /** The provider's name. */
  readonly provider?: string
  /** Values to redact from errors. */
  readonly secrets?: readonly (string | undefined)[]
}

/** The fields every error about a stream carries. */
export function streamErrorFields(options: ParseStreamOptions): {
  url?: string
  provider?: string
  secrets: readonly (string | undefined)[]
} {
  return {
    secrets: options.secrets ?? [],
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.provider === undefined ? {} : { provider: options.provider }),
  }
}

/** The name of the stream's source, for messages. */
export function streamSource(options: ParseStreamOptions): string {
  return `${options.provider ?? 'The provider'}'s stream`
}

function toStreamError(error: unknown, options: ParseStreamOptions): unknown {
  if (options.signal?.aborted) return options.signal.reason
  if (ProviderError.isInstance(error) || !isNetworkFailure(error)) return error
  return new StreamInterruptedError({
    ...streamErrorFields(options),
    message: `${streamSource(options)} was cut off: ${describeNetworkFailure(error)}`,
    cause: error,
  })
}

/**
 * Reads a byte stream as text, chunk by chunk, as it arrives. Stopping early cancels the body
 * (closing the connection). A connection that breaks gives a {@link StreamInterruptedError}; an
 * abort rethrows the abort reason.
 */
export async function* readTextChunks(body: ReadableStream<Uint8Array>, options: ParseStreamOptions): AsyncGenerator<string, void, undefined> {
  options.signal?.throwIfAborted()
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let finished = false
  try {
    while (true) {
      let result: Awaited<ReturnType<typeof reader.read>>
      try {
        result = await reader.read()
      } catch (error) {
        finished = true
        throw toStreamError(error, options)
      }
      if (result.done) {
        finished = true
        const tail = decoder.decode()
        if (tail !== '') yield tail
        return
      }
      const text = decoder.decode(result.value, { stream: true })
      if (text !== '') yield text
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
