import { createAPICallError, type MapErrorFunction } from '@dspex/provider'

/** Anthropic's error body: `{ "type": "error", "error": { "type": "overloaded_error", "message": "Overloaded" } }`. */
export interface AnthropicErrorPayload {
  readonly type?: string
  readonly message?: string
}

/** Reads the `error` object of an Anthropic error body, if the body is one. */
export function readAnthropicError(value: unknown): AnthropicErrorPayload | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const error = (value as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { type, message } = error as { type?: unknown; message?: unknown }
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  }
}

function parseBody(responseBody: string): unknown {
  try {
    return JSON.parse(responseBody)
  } catch {
    return undefined
  }
}

/**
 * Maps a failed Anthropic response to the `APICallError` family, with Anthropic's own
 * `error.message`: 401/403 give `AuthenticationError`, 429 `RateLimitError` (with `retry-after`),
 * "prompt is too long" `ContextWindowExceededError`; `overloaded_error` (529) and `api_error`
 * are retryable.
 */
export const mapAnthropicError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const payload = readAnthropicError(parseBody(responseBody))
  const retryable = payload?.type === 'overloaded_error' || payload?.type === 'api_error' ? true : undefined
  return createAPICallError({
    ...context,
    statusCode,
    responseBody,
    responseHeaders,
    ...(payload?.message === undefined ? {} : { message: `${payload.type ?? 'error'}: ${payload.message}` }),
    ...(retryable === undefined ? {} : { isRetryable: retryable }),
  })
}
