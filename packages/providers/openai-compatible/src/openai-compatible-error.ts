import { ContextWindowExceededError, createAPICallError, type MapErrorFunction } from '@dspex/provider'

/** The error body of OpenAI and the servers that copy it: `{ error: { message, type, param, code } }`. */
interface OpenAICompatibleErrorBody {
  readonly error: { readonly message?: unknown; readonly type?: unknown; readonly code?: unknown }
}

function parseErrorBody(responseBody: string): OpenAICompatibleErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(responseBody)
    if (typeof value === 'object' && value !== null && 'error' in value) {
      const error = (value as { error: unknown }).error
      if (typeof error === 'object' && error !== null) return { error }
    }
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Maps a failed Chat Completions, Responses or embeddings call to the `APICallError` family with the server's own
 * message: `context_length_exceeded` becomes a `ContextWindowExceededError`; the rest goes by `createAPICallError`:
 * 401/403 an `AuthenticationError`, `insufficient_quota` (a 429) or a 402 a `BillingError` that is not retried, other
 * 429s a `RateLimitError` (with `retry-after`), 404 an `UnsupportedModelError`, other 4xx an `InvalidRequestError`,
 * 5xx a `ServerError`; other bodies (`{ message }`, `{ detail }`) are read there too.
 * The API key is redacted by the helpers.
 */
export const mapOpenAICompatibleError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const parsed = parseErrorBody(responseBody)
  const message = typeof parsed?.error.message === 'string' ? parsed.error.message : undefined
  const fields = { ...context, statusCode, responseBody, responseHeaders }
  if (parsed?.error.code === 'context_length_exceeded') {
    return new ContextWindowExceededError({
      ...fields,
      message: `${context.provider ?? 'openai-compatible'} call failed with status ${statusCode}: ${message ?? 'the prompt does not fit the context window.'}`,
      data: parsed,
    })
  }
  return createAPICallError({ ...fields, ...(message === undefined ? {} : { message }) })
}
