import { DSPexError } from '@dspex/core'
import type { SpecialTypeName } from '../type-node.js'

/** Options of {@link SpecialTypeError}. */
export interface SpecialTypeErrorOptions {
  /** What was wrong and where. */
  message: string
  /** The DSPy special type whose value was rejected (`Image`, `ToolCalls` ...). */
  typeName: SpecialTypeName
  /** The underlying error, if any (a failed read, a JSON repair failure). */
  cause?: unknown
}

/**
 * A value that cannot become one of DSPy's special types: an image string that is neither a URL
 * nor a data URI, bytes that are not an image, a tool call without a name, a file that does not
 * exist, a tool called with arguments its schema rejects.
 *
 * @example
 * ```ts
 * try { new Image('photo.png') } catch (error) {
 *   if (SpecialTypeError.isInstance(error)) console.log(error.typeName) // 'Image'
 * }
 * ```
 * @see DSPy raises `ValueError`/`TypeError`/pydantic `ValidationError` in `dspy/adapters/types/`.
 */
export class SpecialTypeError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.special-type')
  declare readonly code: 'special-type'
  /** The special type whose value was rejected. */
  readonly typeName: SpecialTypeName

  constructor({ message, typeName, cause }: SpecialTypeErrorOptions) {
    super({ message, code: 'special-type', cause })
    this.typeName = typeName
  }
}
