import { DSPexError } from '@dspex/core'

/**
 * The root of every error an optimizer throws, so callers can catch them all with one check
 * (`TelepromptError.isInstance(error)` or `instanceof`, which work across package copies).
 * Subclasses narrow `code`.
 *
 * @see dspy.teleprompt.Teleprompter
 */
export class TelepromptError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.teleprompt')

  constructor(options: { message: string; code: string; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
  }
}
