import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link MetricError} reports. */
export type MetricErrorCode =
  /** The reference answers are not a list, or the list is empty (DSPy raises `ValueError`). */
  | 'metric-invalid-answers'
  /** `example.answer` is neither a string nor a list of strings (DSPy's "Invalid answer type"). */
  | 'metric-invalid-answer-type'
  /** The example or prediction lacks a field the metric reads (DSPy's `AttributeError`). */
  | 'metric-missing-field'
  /** A value the metric compares as text is not a string (DSPy's `TypeError`). */
  | 'metric-invalid-value'

/**
 * A metric that cannot score its arguments: reference answers of the wrong shape, or a field the
 * metric reads that is missing or not text.
 *
 * @see dspy.evaluate.metrics
 */
export class MetricError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.metric')
  declare readonly code: MetricErrorCode
  /** The field involved, when there is one (`answer`, `context`...). */
  readonly field: string | undefined

  constructor(options: { message: string; code: MetricErrorCode; field?: string; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.field = options.field
  }
}
