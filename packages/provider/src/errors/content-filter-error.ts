import { InvalidRequestError } from './invalid-request-error.js'

/**
 * The provider's safety system refused the prompt or the completion. An {@link InvalidRequestError}, never retryable
 * as is.
 *
 * @see DSPy's `LMInvalidRequestError`, which litellm's `ContentPolicyViolationError` becomes in `dspy/clients/lm.py`
 */
export class ContentFilterError extends InvalidRequestError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.content-filter')
  static override readonly code: string = 'content-filter'
  /** The stable code of this class. */
  declare readonly code: 'content-filter'

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
