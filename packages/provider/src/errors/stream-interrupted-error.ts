import { NetworkError } from './network-error.js'

/**
 * A streamed response ended before it was complete: the connection dropped mid-stream, or the
 * body closed in the middle of an event or line. A {@link NetworkError}, so retryable by default;
 * whether a retry is safe after parts were already used is the caller's decision.
 *
 * @see DSPy's `LMTransportError` in `dspy/utils/exceptions.py`
 */
export class StreamInterruptedError extends NetworkError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.stream-interrupted')
  static override readonly code: string = 'stream-interrupted'
  /** The stable code of this class. */
  declare readonly code: 'stream-interrupted'
}
