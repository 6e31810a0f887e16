import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link ModuleError} reports. */
export type ModuleErrorCode =
  /** `getLM()` found no LM or more than one distinct LM among the parameters. */
  | 'module-lm-not-unique'
  /** An attribute name such as `cot.predict` or `lst[0]` that does not lead anywhere in the module. */
  | 'module-attribute-path'

/**
 * A misuse of a {@link Module}'s structure: asking for the one LM of a program that uses several,
 * or naming an attribute path that does not exist.
 *
 * @see dspy.Module
 */
export class ModuleError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.module')
  declare readonly code: ModuleErrorCode

  constructor(options: { message: string; code: ModuleErrorCode; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
  }
}
