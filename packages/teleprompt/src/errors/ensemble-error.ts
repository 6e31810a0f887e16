import { TelepromptError } from './teleprompt-error.js'

/** What kind of mistake an {@link EnsembleError} reports. */
export type EnsembleErrorCode =
  /** `deterministic: true` was asked for; DSPy has not implemented it (example hashing) and asserts. */
  'ensemble-deterministic-unsupported'

/**
 * An ensemble that cannot be built as asked.
 *
 * @see dspy.teleprompt.Ensemble
 */
export class EnsembleError extends TelepromptError {
  static override readonly marker: symbol = Symbol.for('dspex.error.ensemble')
  declare readonly code: EnsembleErrorCode

  constructor(options: { message: string; code: EnsembleErrorCode; cause?: unknown }) {
    super(options)
  }
}
