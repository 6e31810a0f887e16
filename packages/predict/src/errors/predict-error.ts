import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link PredictError} reports. */
export type PredictErrorCode = 'predict-no-lm' | 'predict-state' | 'predict-missing-input'

/**
 * A predictor that cannot run or load: no LM configured, saved state that does not fit, or a
 * required input left out.
 */
export class PredictError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.predict')
  declare readonly code: PredictErrorCode

  constructor(options: { message: string; code: PredictErrorCode; cause?: unknown }) {
    super(options)
  }
}
