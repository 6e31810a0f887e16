import { ContextWindowExceededError, createAPICallError, type MapErrorFunction } from '@dspex/provider'

/** Reads Echo Cloud's error body, `{ error: { code, message } }`; anything else gives `undefined`. */
function readEchoError(responseBody: string): { readonly code?: unknown; readonly message?: unknown } | undefined {
  try {
    const value = JSON.parse(responseBody) as { error?: unknown } | null
    return typeof value?.error === 'object' && value.error !== null ? value.error : undefined
  } catch {
    return undefined
  }
}

/**
 * Maps a failed Echo Cloud call to the `APICallError` family with Echo's own message: `prompt_too_long`
 * becomes a `ContextWindowExceededError`; 401/403, 429 (with `retry-after`) and the rest are classed by
 * `createAPICallError`. The helpers have already redacted the API key from everything it receives.
 */
export const mapEchoError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const error = readEchoError(responseBody)
  const message = typeof error?.message === 'string' ? error.message : undefined
  const fields = { ...context, statusCode, responseBody, responseHeaders }
  if (error?.code === 'prompt_too_long') {
    return new ContextWindowExceededError({ ...fields, message: `echo call failed with status ${statusCode}: ${message}` })
  }
  return createAPICallError({ ...fields, ...(message === undefined ? {} : { message }) })
}
