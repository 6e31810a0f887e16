import { DSPexError } from '@dspex/types'

/**
 * Text that is not well-formed XML, reported as Python's expat does (`mismatched tag: line 1,
 * column 26`). The XMLAdapter turns it into an `AdapterParseError` (`Failed to parse XML: ...`),
 * keeping it as the cause.
 */
export class XMLSyntaxError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.xml-syntax')
  /** Expat's reason alone (`not well-formed (invalid token)`, `mismatched tag` ...). */
  readonly reason: string
  /** The line of the problem, from 1. */
  readonly line: number
  /** The column of the problem, from 0, in characters. */
  readonly column: number

  constructor({ reason, line, column }: { reason: string; line: number; column: number }) {
    super({ message: `${reason}: line ${line}, column ${column}`, code: 'xml-syntax' })
    this.reason = reason
    this.line = line
    this.column = column
  }
}
