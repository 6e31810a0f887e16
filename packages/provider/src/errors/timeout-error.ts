import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/** Options of a {@link TimeoutError}. */
export interface TimeoutErrorOptions extends APICallErrorOptions {
  /** The time limit that ran out, in milliseconds. */
  readonly timeoutMs: number
}

/**
 * The call took longer than its `timeoutMs` (set on the helper, not the caller's own signal: an
 * aborted caller signal rethrows the signal's reason instead). Retryable by default, since each
 * attempt gets a fresh time limit.
 */
export class TimeoutError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.timeout')
  static override readonly code: string = 'timeout'
  /** The stable code of this class. */
  declare readonly code: 'timeout'
  /** The time limit that ran out, in milliseconds. */
  readonly timeoutMs: number

  constructor(options: TimeoutErrorOptions) {
    super(options)
    this.timeoutMs = options.timeoutMs
  }

  protected override defaultIsRetryable(): boolean {
    return true
  }
}
