import { DSPexError } from '@dspex/core'

/** What kind of problem an {@link XMLSyntaxError} reports. */
export type XMLSyntaxErrorCode =
  /** Text that is not well-formed XML, as expat reports it. */
  | 'xml-syntax'
  /**
   * Elements nested more than the reader goes (1,000 levels), where Python's recursive ElementTree writer and
   * DSPy's reading of nested fields stop with a `RecursionError`.
   */
  | 'xml-too-deep'

/** Options of {@link XMLSyntaxError}. */
export interface XMLSyntaxErrorOptions {
  /** What was wrong and where, as expat says it: `mismatched tag: line 1, column 26`. */
  readonly message: string
  /** Which kind of problem it is. */
  readonly code: XMLSyntaxErrorCode
  /** Expat's reason alone (`not well-formed (invalid token)`, `mismatched tag` ...). */
  readonly reason: string
  /** The line of the problem, from 1. */
  readonly line: number
  /** The column of the problem, from 0, in characters. */
  readonly column: number
  /** The underlying error, if any. */
  readonly cause?: unknown
}

/**
 * Text that is not well-formed XML, reported as Python's expat does (`mismatched tag: line 1,
 * column 26`), or XML nested deeper than the reader goes (code `xml-too-deep`). The XMLAdapter turns
 * it into an `AdapterParseError` (`Failed to parse XML: ...`), keeping it as the cause.
 */
export class XMLSyntaxError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.xml-syntax')
  declare readonly code: XMLSyntaxErrorCode
  /** Expat's reason alone (`not well-formed (invalid token)`, `mismatched tag` ...). */
  readonly reason: string
  /** The line of the problem, from 1. */
  readonly line: number
  /** The column of the problem, from 0, in characters. */
  readonly column: number

  constructor({ message, code, reason, line, column, cause }: XMLSyntaxErrorOptions) {
    super({ message, code, cause })
    this.reason = reason
    this.line = line
    this.column = column
  }
}
