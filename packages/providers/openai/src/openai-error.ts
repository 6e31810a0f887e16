import { ContextWindowExceededError, createApiCallError, type MapErrorFunction } from '@dspex/provider'

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
interface OpenAIErrorBody {
  readonly error: { readonly message?: unknown; readonly type?: unknown; readonly code?: unknown }
}

function parseOpenAIErrorBody(responseBody: string): OpenAIErrorBody | undefined {
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
 * Maps a failed OpenAI call to the `APICallError` family with OpenAI's own message: `context_length_exceeded`
 * becomes a `ContextWindowExceededError`, 401/403 an `AuthenticationError`, 429 a `RateLimitError` (with
 * `retry-after`). The API key is redacted by the helpers.
 */
export const mapOpenAIError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const parsed = parseOpenAIErrorBody(responseBody)
  const message = typeof parsed?.error.message === 'string' ? parsed.error.message : undefined
  const fields = { ...context, statusCode, responseBody, responseHeaders }
  if (parsed?.error.code === 'context_length_exceeded') {
    return new ContextWindowExceededError({
      ...fields,
      message: `openai call failed with status ${statusCode}: ${message ?? 'the prompt does not fit the context window.'}`,
      data: parsed,
    })
  }
  return createApiCallError({ ...fields, ...(message === undefined ? {} : { message }) })
}
