import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/**
 * The provider refused the credentials (HTTP 401 or 403): a missing, wrong, revoked or
 * under-privileged API key. Never retryable; the status defaults to 401.
 *
 * @see DSPy's `LMAuthError` in `dspy/utils/exceptions.py`
 */
export class AuthenticationError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.authentication')
  static override readonly code: string = 'authentication'
  /** The stable code of this class. */
  declare readonly code: 'authentication'

  constructor(options: APICallErrorOptions) {
    super({ ...options, statusCode: options.statusCode ?? 401 })
  }

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
