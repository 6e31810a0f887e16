import { DSPexError } from '@dspex/core'

/**
 * An LM's text for a field that could not be turned into a value of the field's type
 * (what DSPy's `parse_value` raises). The message is the reason alone, as DSPy prints it
 * (`'Positive' is not one of ('positive', 'negative')`, or the validation report); the
 * cause is a `ValueValidationError` listing every issue.
 */
export class ValueParseError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.value-parse')
  declare readonly code: 'value-parse'
  /** The value as given: usually the LM's raw text, or an already decoded JSON value (non-enumerable). */
  declare readonly value: unknown
  /** The raw text (for a non-string value, Python's `str()` of it). */
  readonly text: string
  /** The Python name of the expected type (`int`, `list[str]`, `Person`). */
  readonly typeName: string

  constructor({
    message,
    value,
    text,
    typeName,
    cause,
  }: {
    message: string
    value: unknown
    text: string
    typeName: string
    cause?: unknown
  }) {
    super({ message, code: 'value-parse', cause })
    this.setLargeField('value', value)
    this.text = text
    this.typeName = typeName
  }
}
