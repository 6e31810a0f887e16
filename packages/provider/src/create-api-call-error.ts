import { APICallError } from './errors/api-call-error.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { BillingError } from './errors/billing-error.js'
import { ContentFilterError } from './errors/content-filter-error.js'
import { ContextWindowExceededError } from './errors/context-window-exceeded-error.js'
import { InvalidRequestError } from './errors/invalid-request-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { ServerError } from './errors/server-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import { UnsupportedModelError } from './errors/unsupported-model-error.js'

/** Options of {@link createAPICallError}. */
export interface CreateAPICallErrorOptions {
  /** The HTTP status of the failed response. */
  readonly statusCode: number
  /** The response body as text. */
  readonly responseBody: string
  /** The response headers, lower-cased. */
  readonly responseHeaders?: Readonly<Record<string, string>>
  /** The URL that was called. */
  readonly url?: string
  /** The provider's name, used in the message. */
  readonly provider?: string
  /** The request body that was sent. */
  readonly requestBodyValues?: unknown
  /** The provider's own explanation; by default read from the body's JSON (`error.message`, `message`, `error`, `detail`). */
  readonly message?: string
  /** Overrides the retryable flag the class and status would give. */
  readonly isRetryable?: boolean
  /** The underlying error, if any. */
  readonly cause?: unknown
  /** Values to redact from the error. */
  readonly secrets?: readonly (string | undefined)[]
}

const contextWindowPattern =
  /context[ _-]?(length|window)[ _-]?exceeded|maximum context length|context window|prompt is too long|too many (input )?tokens|exceeds the maximum number of tokens/i
const contentFilterPattern = /content[ _-]?(filter|policy|management)|safety system|responsible ?ai/i
/** Error codes and types providers send for a quota or balance that waiting will not refill. */
const billingCodes = new Set(['insufficient_quota', 'billing_error', 'billing_hard_limit_reached', 'billing_not_active', 'insufficient_balance'])

/** The `code` and `type` of the body's `error` object (or of the body itself), as strings. */
function readCodes(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return []
  const record = data as Record<string, unknown>
  const error = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : record
  return [error.code, error.type].filter((value): value is string => typeof value === 'string')
}

function readMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  for (const key of ['error', 'message', 'detail']) {
    const found = readMessage(record[key])
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Builds the error for a failed HTTP response, choosing the class from the status and the provider's message as
 * DSPy 3.3.1 classifies LM errors: 401/403 give {@link AuthenticationError}; 402, or a billing code in the body
 * (`insufficient_quota`, `billing_error`...) whatever the status, {@link BillingError}; 404
 * {@link UnsupportedModelError}; 408 {@link TimeoutError}; 429 {@link RateLimitError}; a 400/413 about the context
 * length {@link ContextWindowExceededError}; a 400 about content policy {@link ContentFilterError}; any other 4xx
 * {@link InvalidRequestError}; 5xx {@link ServerError}; anything else a plain {@link APICallError}. The class decides
 * `isRetryable` (rate limits, timeouts and server errors are retryable). It is the default `mapError` of the post
 * helpers, and a provider's own `mapError` can call it after reading its error format.
 *
 * @see DSPy's `_lm_error_class_from_status` in `dspy/clients/lm.py`
 *
 * @param options - The failed response and where it came from.
 * @returns The error, with its message, status, body, headers and retryable flag.
 * @example
 * ```ts
 * mapError: (statusCode, responseBody, responseHeaders, context) =>
 *   createAPICallError({ ...context, statusCode, responseBody, responseHeaders, message: readAcmeMessage(responseBody) })
 * ```
 */
export function createAPICallError(options: CreateAPICallErrorOptions): APICallError {
  const { statusCode, responseBody, provider } = options
  let data: unknown
  try {
    data = JSON.parse(responseBody)
  } catch {
    data = undefined
  }
  const detail = options.message ?? readMessage(data) ?? (responseBody.trim().slice(0, 500) || 'no response body')
  const errorOptions = {
    ...options,
    message: `${provider ?? 'API'} call failed with status ${statusCode}: ${detail}`,
    data,
  }
  if (statusCode === 401 || statusCode === 403) return new AuthenticationError(errorOptions)
  if (statusCode === 402 || readCodes(data).some((code) => billingCodes.has(code))) return new BillingError(errorOptions)
  if (statusCode === 404) return new UnsupportedModelError(errorOptions)
  if (statusCode === 408) return new TimeoutError(errorOptions)
  if (statusCode === 429) return new RateLimitError(errorOptions)
  const evidence = `${detail} ${responseBody.slice(0, 4000)}`
  if ((statusCode === 400 || statusCode === 413) && contextWindowPattern.test(evidence)) {
    return new ContextWindowExceededError(errorOptions)
  }
  if (statusCode === 400 && contentFilterPattern.test(evidence)) return new ContentFilterError(errorOptions)
  if (statusCode >= 400 && statusCode < 500) return new InvalidRequestError(errorOptions)
  if (statusCode >= 500) return new ServerError(errorOptions)
  return new APICallError(errorOptions)
}
