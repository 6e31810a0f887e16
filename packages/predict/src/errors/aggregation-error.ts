import { DSPexError } from '@dspex/core'

/** What kind of mistake an {@link AggregationError} reports. */
export type AggregationErrorCode =
  /** `majority` was given something other than a Prediction, Completions or an array. */
  | 'aggregation-invalid-input'
  /** `majority` was given no completions to vote among. */
  | 'aggregation-empty'

/**
 * A vote that cannot be held: nothing to vote among, or input of the wrong kind.
 *
 * @see dspy.majority
 */
export class AggregationError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.aggregation')
  declare readonly code: AggregationErrorCode

  constructor(options: { message: string; code: AggregationErrorCode; cause?: unknown }) {
    super(options)
  }
}
