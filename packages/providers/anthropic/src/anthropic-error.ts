import {
  type APICallError,
  type APICallErrorOptions,
  BillingError,
  createAPICallError,
  type MapErrorFunction,
  RateLimitError,
  ServerError,
} from '@dspex/provider'

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

/** A credit balance too low to call the API, which Anthropic reports as an `invalid_request_error` 400. */
const lowCreditPattern = /credit balance is too low/i

/**
 * Builds the error for an Anthropic error `type` the status alone does not settle (`overloaded_error` and `api_error`
 * give a retryable `ServerError`, `rate_limit_error` a `RateLimitError`, `billing_error` or a credit balance too low a
 * `BillingError`); undefined for any other type.
 */
export function createAnthropicErrorForType(payload: AnthropicErrorPayload | undefined, options: APICallErrorOptions): APICallError | undefined {
  switch (payload?.type) {
    case 'overloaded_error':
    case 'api_error':
      return new ServerError(options)
    case 'rate_limit_error':
      return new RateLimitError(options)
    case 'billing_error':
      return new BillingError(options)
    default:
      return payload?.message !== undefined && lowCreditPattern.test(payload.message) ? new BillingError(options) : undefined
  }
}

/**
 * Maps a failed Anthropic response to the `APICallError` family, with Anthropic's own `error.message`: the error
 * `type` first (`overloaded_error` and `api_error` are a retryable `ServerError` whatever the status,
 * `billing_error` and a credit balance too low a `BillingError`), then the status as `createAPICallError` reads it
 * (401/403 `AuthenticationError`, 429 `RateLimitError` with `retry-after`, "prompt is too long"
 * `ContextWindowExceededError`, other 4xx `InvalidRequestError`, 5xx `ServerError`).
 */
export const mapAnthropicError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const data = parseBody(responseBody)
  const payload = readAnthropicError(data)
  const message = payload?.message === undefined ? undefined : `${payload.type ?? 'error'}: ${payload.message}`
  const byType = createAnthropicErrorForType(payload, {
    ...context,
    statusCode,
    responseBody,
    responseHeaders,
    data,
    message: `${context.provider ?? 'anthropic'} call failed with status ${statusCode}: ${message ?? (responseBody.trim().slice(0, 500) || 'no response body')}`,
  })
  return byType ?? createAPICallError({ ...context, statusCode, responseBody, responseHeaders, ...(message === undefined ? {} : { message }) })
}
