import { DSPexError } from '@dspex/core'
import { pythonStringRepr } from '../python-repr.js'

/**
 * Text that is not a Python literal `ast.literal_eval` would accept: a syntax error, a name other
 * than `True`/`False`/`None`, an operator, an unhashable dict key ...
 */
export class PythonLiteralError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.python-literal')
  declare readonly code: 'python-literal'
  /** The text that was parsed. */
  readonly text: string
  /** The character offset in `text` where parsing failed. */
  readonly position: number

  constructor({ message, text, position, cause }: { message: string; text: string; position: number; cause?: unknown }) {
    super({ message, code: 'python-literal', cause })
    this.text = text
    this.position = position
  }

  /** The error for `text` at `position`, with a message naming the position and the character there. */
  static at(text: string, position: number, reason: string): PythonLiteralError {
    const found = text[position]
    const what = found === undefined ? 'the end of the text' : pythonStringRepr(found)
    return new PythonLiteralError({
      message: `Invalid Python literal at position ${position} (at ${what}): ${reason}.`,
      text,
      position,
    })
  }
}
