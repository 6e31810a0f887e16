import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link PythonRandomError} reports. */
export type PythonRandomErrorCode =
  /** A seed that is not an integer (only integer seeds reproduce CPython's sequence). */
  | 'random-invalid-seed'
  /** A non-integer or out-of-range argument, such as `getrandbits(-1)` or a zero step. */
  | 'random-invalid-argument'
  /** `randrange`/`randint` over an empty range (Python's `ValueError: empty range`). */
  | 'random-empty-range'
  /** `choice` on an empty sequence (Python's `IndexError`). */
  | 'random-empty-sequence'
  /** `sample` asked for more items than the population holds, or a negative count. */
  | 'random-sample-size'

/**
 * A misuse of {@link PythonRandom}: a seed or argument it cannot honour the way CPython's
 * `random.Random` does.
 *
 * @see random.Random (CPython)
 */
export class PythonRandomError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.python-random')
  declare readonly code: PythonRandomErrorCode

  constructor(options: { message: string; code: PythonRandomErrorCode; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
  }
}
