import { APICallError } from './api-call-error.js'

/**
 * The provider rejected the request's shape or resource (a 4xx other than 401, 402, 403, 408 and 429: a bad or
 * unsupported parameter, a conflict, a body too large). Never retryable as is. Its subclasses say more:
 * {@link ContextWindowExceededError}, {@link ContentFilterError}, {@link UnsupportedModelError}.
 *
 * @see DSPy's `LMInvalidRequestError` in `dspy/utils/exceptions.py`
 */
export class InvalidRequestError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.invalid-request')
  static override readonly code: string = 'invalid-request'
  /** The stable code of this class or of a subclass. */
  declare readonly code: 'invalid-request' | 'context-window-exceeded' | 'content-filter' | 'unsupported-model'

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
