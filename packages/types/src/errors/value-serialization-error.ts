import { DSPexError } from '@dspex/core'

/** What kind of value a {@link ValueSerializationError} could not write. */
export type ValueSerializationErrorCode =
  /** Arrays, objects, sets or maps nested more than 1,000 levels deep, or a value that contains itself. */
  | 'value-serialization-too-deep'
  /** Something JSON cannot express: a function, a symbol, a bigint beyond 2^53. */
  | 'value-serialization-unsupported'

/** Options of {@link ValueSerializationError}. */
export interface ValueSerializationErrorOptions {
  /** What was wrong and where. */
  readonly message: string
  /** Which kind of problem it is. */
  readonly code: ValueSerializationErrorCode
  /** Where in the value the problem was met, as a JSON pointer (`/people/0/run`; `''` for the value itself or when not tracked). */
  readonly path: string
  /** The underlying error, if any. */
  readonly cause?: unknown
}

/**
 * A value DSPex cannot write into a prompt or a Python-style text (pydantic's `PydanticSerializationError`): one
 * holding a function, a symbol or a bigint too large for a number, or one nested more than 1,000 levels deep (or
 * containing itself), where Python's own printing stops with a `RecursionError`. Formatting a demo or an input
 * throws it instead of overflowing the stack.
 *
 * @example
 * ```ts
 * try { formatFieldValue({ run: () => 1 }, t.any()) } catch (error) {
 *   if (ValueSerializationError.isInstance(error)) console.log(error.code, error.path) // value-serialization-unsupported /run
 * }
 * ```
 * @see pydantic_core.PydanticSerializationError
 */
export class ValueSerializationError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.value-serialization')
  declare readonly code: ValueSerializationErrorCode
  /** Where in the value the problem was met, as a JSON pointer (`''` for the value itself or when not tracked). */
  readonly path: string

  constructor({ message, code, path, cause }: ValueSerializationErrorOptions) {
    super({ message, code, cause })
    this.path = path
  }
}
