import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/** Options of a {@link TimeoutError}. */
export interface TimeoutErrorOptions extends APICallErrorOptions {
  /** The time limit that ran out, in milliseconds; absent for a provider's own 408. */
  readonly timeoutMs?: number | undefined
}

/**
 * The call took longer than its `timeoutMs` (set on the helper, not the caller's own signal: an
 * aborted caller signal rethrows the signal's reason instead), or the provider answered 408. Retryable by default,
 * since each attempt gets a fresh time limit.
 *
 * @see DSPy's `LMTimeoutError` in `dspy/utils/exceptions.py`
 */
export class TimeoutError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.timeout')
  static override readonly code: string = 'timeout'
  /** The stable code of this class. */
  declare readonly code: 'timeout'
  /** The time limit that ran out, in milliseconds, when it was ours. */
  readonly timeoutMs?: number

  constructor(options: TimeoutErrorOptions) {
    super(options)
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs
  }

  protected override defaultIsRetryable(): boolean {
    return true
  }
}
