import { InvalidRequestError } from './invalid-request-error.js'

/**
 * The prompt (plus the requested completion) does not fit the model's context window.
 * An {@link InvalidRequestError}, never retryable as is: the caller must shorten the input. DSPy's ChatAdapter rethrows this
 * error rather than falling back to JSON.
 *
 * @see DSPy's `ContextWindowExceededError` in `dspy/utils/exceptions.py`, as caught in `dspy/adapters/chat_adapter.py`
 */
export class ContextWindowExceededError extends InvalidRequestError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.context-window-exceeded')
  static override readonly code: string = 'context-window-exceeded'
  /** The stable code of this class. */
  declare readonly code: 'context-window-exceeded'

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
