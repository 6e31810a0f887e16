import { DSPexError } from '@dspex/core'

/** What kind of mistake an {@link ExampleError} reports. */
export type ExampleErrorCode =
  /** `inputs()` or `labels()` on an example whose input keys were never set (DSPy's `ValueError`). */
  | 'example-inputs-not-set'
  /** A key that the example does not hold was deleted (DSPy's `KeyError`). */
  | 'example-missing-key'

/**
 * A misuse of an {@link Example}: asking for its inputs before `withInputs`, or removing a key it
 * does not hold.
 *
 * @see dspy.Example
 */
export class ExampleError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.example')
  declare readonly code: ExampleErrorCode
  /** The key involved, when there is one. */
  readonly key: string | undefined

  constructor(options: { message: string; code: ExampleErrorCode; key?: string; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.key = options.key
  }
}
