import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'

/** Where a JSON text came from, for the error a bad text raises. */
export interface ParseJSONContext {
  /** The URL the text came from. */
  readonly url?: string
  /** The provider's name. */
  readonly provider?: string
  /** The HTTP status of the response the text came from. */
  readonly statusCode?: number
  /** The response headers. */
  readonly responseHeaders?: Readonly<Record<string, string>>
  /** Values to redact from the error. */
  readonly secrets?: readonly (string | undefined)[]
}

/** Options of {@link parseJSON}. */
export interface ParseJSONOptions<Value> extends ParseJSONContext {
  /** Checks the parsed value's shape (a compiled TypeBox `Check`, a hand-written guard). */
  readonly validate?: (value: unknown) => value is Value
}

/**
 * Parses a provider's JSON text.
 *
 * @param text - The raw text (a body, an SSE event's data, an NDJSON line).
 * @param options - An optional shape check and where the text came from.
 * @returns The parsed value, typed by `validate` when given.
 * @throws {InvalidResponseDataError} When the text is not JSON or fails `validate`; it keeps the raw text.
 * @example
 * ```ts
 * const chunk = parseJSON(event.data, { validate: isAcmeChunk, provider: 'acme' })
 * ```
 */
export function parseJSON<Value = unknown>(text: string, options: ParseJSONOptions<Value> = {}): Value {
  const { validate, provider, ...context } = options
  const source = provider === undefined ? 'The provider' : `${provider}`
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new InvalidResponseDataError({
      ...context,
      provider,
      message: `${source} returned malformed JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      text,
      cause,
    })
  }
  if (validate !== undefined && !validate(value)) {
    throw new InvalidResponseDataError({
      ...context,
      provider,
      message: `${source} returned JSON that does not have the expected shape.`,
      text,
      data: value,
    })
  }
  return value as Value
}
