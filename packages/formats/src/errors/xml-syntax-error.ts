import { DSPexError } from '@dspex/core'

/** Options of {@link XMLSyntaxError}. */
export interface XMLSyntaxErrorOptions {
  /** What was wrong and where, as expat says it: `mismatched tag: line 1, column 26`. */
  readonly message: string
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
 * column 26`). The XMLAdapter turns it into an `AdapterParseError` (`Failed to parse XML: ...`),
 * keeping it as the cause.
 */
export class XMLSyntaxError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.xml-syntax')
  declare readonly code: 'xml-syntax'
  /** Expat's reason alone (`not well-formed (invalid token)`, `mismatched tag` ...). */
  readonly reason: string
  /** The line of the problem, from 1. */
  readonly line: number
  /** The column of the problem, from 0, in characters. */
  readonly column: number

  constructor({ message, reason, line, column, cause }: XMLSyntaxErrorOptions) {
    super({ message, code: 'xml-syntax', cause })
    this.reason = reason
    this.line = line
    this.column = column
  }
}
