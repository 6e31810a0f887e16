import { DSPexError } from './dspex-error.js'

/**
 * Text that is not a Python literal `ast.literal_eval` would accept: a syntax error, a name other
 * than `True`/`False`/`None`, an operator, an unhashable dict key ...
 */
export class PythonLiteralError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.python-literal')
  /** The text that was parsed. */
  readonly text: string
  /** The character offset in `text` where parsing failed. */
  readonly position: number

  constructor({ message, text, position, cause }: { message: string; text: string; position: number; cause?: unknown }) {
    super({ message, code: 'python-literal', cause })
    this.text = text
    this.position = position
  }
}
