import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { parseJSON } from './parse-json.js'
import { type ParseStreamOptions, readTextChunks, streamErrorFields, streamSource } from './read-text-chunks.js'

/** Options of {@link parseNDJSONStream}. */
export interface ParseNDJSONStreamOptions<Value> extends ParseStreamOptions {
  /** Checks each line's shape; without it each value is `unknown`. */
  readonly validate?: (value: unknown) => value is Value
}

/**
 * Parses a newline-delimited JSON body (Ollama's streaming format) into values as lines arrive.
 * Blank lines are skipped; a last line without a newline is accepted when it is complete JSON.
 *
 * @param body - The response body (from {@link postToAPIStream}).
 * @param options - An optional shape check, the caller's signal and where the stream came from.
 * @returns An async iterable of parsed lines; breaking out of the loop cancels the body.
 * @throws {InvalidResponseDataError} When a complete line is not JSON or fails `validate`.
 * @throws {StreamInterruptedError} When the connection breaks, or the body ends in the middle of a line.
 * @throws The caller's abort reason, untouched, when `signal` aborts.
 * @example
 * ```ts
 * const { body, parseOptions } = await postToAPIStream({ url, body: { ...payload, stream: true }, signal, provider: 'ollama' })
 * for await (const chunk of parseNDJSONStream(body, { ...parseOptions, validate: isOllamaChunk })) handle(chunk)
 * ```
 */
export async function* parseNDJSONStream<Value = unknown>(
  body: ReadableStream<Uint8Array>,
  options: ParseNDJSONStreamOptions<Value> = {},
): AsyncGenerator<Value, void, undefined> {
  const fields = streamErrorFields(options)
  const parseOptions = { ...fields, ...(options.validate === undefined ? {} : { validate: options.validate }) }
  let buffer = ''
  for await (const text of readTextChunks(body, options)) {
    buffer += text
    let newline = buffer.indexOf('\n')
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim()
      buffer = buffer.slice(newline + 1)
      if (line !== '') yield parseJSON(line, parseOptions)
      newline = buffer.indexOf('\n')
    }
  }
  const rest = buffer.trim()
  if (rest === '') return
  try {
    JSON.parse(rest)
  } catch (cause) {
    throw new StreamInterruptedError({
      ...fields,
      message: `${streamSource(options)} ended in the middle of a line.`,
      responseBody: rest,
      cause,
    })
  }
  yield parseJSON(rest, parseOptions)
}
