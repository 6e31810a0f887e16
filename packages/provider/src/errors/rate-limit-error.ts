import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/**
 * The provider is limiting the caller's rate (HTTP 429). Retryable by default; `retryAfterMs`
 * says how long the provider asked to wait, read from `retry-after-ms` or `retry-after`
 * when not given. A quota that will not refill (OpenAI's `insufficient_quota`) is a {@link BillingError} instead.
 *
 * @see DSPy's `LMRateLimitError` in `dspy/utils/exceptions.py`
 */
export class RateLimitError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.rate-limit')
  static override readonly code: string = 'rate-limit'
  /** The stable code of this class. */
  declare readonly code: 'rate-limit'

  constructor(options: APICallErrorOptions) {
    super({ ...options, statusCode: options.statusCode ?? 429 })
  }

  protected override defaultIsRetryable(): boolean {
    return true
  }
}
