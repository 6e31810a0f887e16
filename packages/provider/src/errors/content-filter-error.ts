import { APICallError } from './api-call-error.js'

/**
 * The provider's safety system refused the prompt or the completion. Never retryable as is.
 */
export class ContentFilterError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.content-filter')
  static override readonly code: string = 'content-filter'
  /** The stable code of this class. */
  declare readonly code: 'content-filter'

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
