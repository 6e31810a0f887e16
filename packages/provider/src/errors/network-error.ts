import { APICallError } from './api-call-error.js'

/**
 * The connection failed before a complete response arrived: refused, reset, DNS failure, or the
 * socket closed while the body was read. There is no status code. Retryable by default.
 *
 * @see DSPy's `LMTransportError` in `dspy/utils/exceptions.py`
 */
export class NetworkError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.network')
  static override readonly code: string = 'network'
  /** The stable code of this class or of its subclass `StreamInterruptedError`. */
  declare readonly code: 'network' | 'stream-interrupted'

  protected override defaultIsRetryable(): boolean {
    return true
  }
}
