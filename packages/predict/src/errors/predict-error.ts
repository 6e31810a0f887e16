import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link PredictError} reports. */
export type PredictErrorCode =
  /** No LM was passed or configured. */
  | 'predict-no-lm'
  /** Saved state that does not fit the predictor; the message names the first bad key. */
  | 'predict-state'
  /** A required input was left out. */
  | 'predict-missing-input'
  /** The LM answered without a single completion (a 200 whose `choices` is empty), so no output has a value. */
  | 'predict-no-completions'

/**
 * A predictor that cannot run or load: no LM configured, saved state that does not fit, a
 * required input left out, or an LM reply with no completion to read the outputs from.
 */
export class PredictError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.predict')
  declare readonly code: PredictErrorCode

  constructor(options: { message: string; code: PredictErrorCode; cause?: unknown }) {
    super(options)
  }
}
