import { APICallError } from './api-call-error.js'

/**
 * The provider failed while handling the request (HTTP 5xx, Anthropic's `overloaded_error` and `api_error`, Gemini's
 * `UNAVAILABLE` and `INTERNAL`). Retryable by default.
 *
 * @see DSPy's `LMServerError` in `dspy/utils/exceptions.py`
 */
export class ServerError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.server')
  static override readonly code: string = 'server'
  /** The stable code of this class. */
  declare readonly code: 'server'

  protected override defaultIsRetryable(): boolean {
    return true
  }
}
