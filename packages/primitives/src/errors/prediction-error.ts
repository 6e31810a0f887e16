import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link PredictionError} reports. */
export type PredictionErrorCode =
  /** A number was asked of a prediction without a `score` field. */
  | 'prediction-missing-score'
  /** The `score` field holds something that is not a number (nor a numeric string or a boolean). */
  | 'prediction-invalid-score'
  /** Completions whose columns are not arrays of one length. */
  | 'completions-shape'
  /** A completion index outside the completions, or a field they do not have. */
  | 'completions-out-of-range'

/**
 * A misuse of a {@link Prediction} or its {@link Completions}: scoring arithmetic without a usable
 * `score`, completions of uneven length, an index out of range.
 *
 * @see dspy.Prediction
 */
export class PredictionError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.prediction')
  declare readonly code: PredictionErrorCode

  constructor(options: { message: string; code: PredictionErrorCode; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
  }
}
