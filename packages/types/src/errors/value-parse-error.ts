import { DSPexError } from '@dspex/core'

/** Why a {@link ValueParseError} was thrown. */
export type ValueParseErrorCode =
  /** The text (or value) does not fit the type: DSPy's `parse_value` failure. */
  | 'value-parse'
  /**
   * The text nests arrays or objects more than 1,000 levels deep (or a value given as it is does, or contains
   * itself). Python stops there with a `RecursionError`, so DSPy cannot read it either.
   */
  | 'value-parse-too-deep'

/** Options of {@link ValueParseError}. */
export interface ValueParseErrorOptions {
  /** The reason, as DSPy prints it. */
  readonly message: string
  /** Which kind of failure it is. */
  readonly code: ValueParseErrorCode
  /** The value as given: usually the LM's raw text, or an already decoded JSON value. */
  readonly value: unknown
  /** The raw text (for a non-string value, Python's `str()` of it, or a short description when it is too deep to print). */
  readonly text: string
  /** The Python name of the expected type (`int`, `list[str]`, `Person`; `Any` when none was expected). */
  readonly typeName: string
  /** The underlying error (a `ValueValidationError` listing every issue), if any. */
  readonly cause?: unknown
}

/**
 * An LM's text for a field that could not be turned into a value of the field's type
 * (what DSPy's `parse_value` raises), or text nested too deep to read at all (code
 * `value-parse-too-deep`). The message is the reason alone, as DSPy prints it
 * (`'Positive' is not one of ('positive', 'negative')`, or the validation report); the
 * cause is a `ValueValidationError` listing every issue.
 */
export class ValueParseError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.value-parse')
  declare readonly code: ValueParseErrorCode
  /** The value as given: usually the LM's raw text, or an already decoded JSON value (non-enumerable). */
  declare readonly value: unknown
  /** The raw text (for a non-string value, Python's `str()` of it). */
  readonly text: string
  /** The Python name of the expected type (`int`, `list[str]`, `Person`). */
  readonly typeName: string

  constructor({ message, code, value, text, typeName, cause }: ValueParseErrorOptions) {
    super({ message, code, cause })
    this.setLargeField('value', value)
    this.text = text
    this.typeName = typeName
  }
}
