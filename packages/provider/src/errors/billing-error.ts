import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/**
 * The provider refused the call over billing or quota: HTTP 402, OpenAI's `insufficient_quota` (sent with a 429),
 * Anthropic's `billing_error` or a credit balance too low. Never retryable: waiting does not refill it. The status
 * defaults to 402.
 *
 * @see DSPy's `LMBillingError` in `dspy/utils/exceptions.py`
 */
export class BillingError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.billing')
  static override readonly code: string = 'billing'
  /** The stable code of this class. */
  declare readonly code: 'billing'

  constructor(options: APICallErrorOptions) {
    super({ ...options, statusCode: options.statusCode ?? 402 })
  }

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
