import { createAPICallError, type MapErrorFunction } from '@dspex/provider'

/** Reads Ollama's error body, `{ "error": "..." }`. */
export function readOllamaErrorMessage(responseBody: string): string | undefined {
  try {
    const value: unknown = JSON.parse(responseBody)
    if (typeof value === 'object' && value !== null && 'error' in value) {
      const error = (value as { error: unknown }).error
      if (typeof error === 'string') return error
    }
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Maps a failed Ollama call to the `APICallError` family with Ollama's own message (`model "x" not found, try
 * pulling it first` for a 404, an `UnsupportedModelError`). 5xx are a retryable `ServerError`; 4xx are not
 * retryable, except 429.
 */
export const mapOllamaError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const message = readOllamaErrorMessage(responseBody)
  return createAPICallError({
    ...context,
    statusCode,
    responseBody,
    responseHeaders,
    ...(message === undefined ? {} : { message }),
  })
}
