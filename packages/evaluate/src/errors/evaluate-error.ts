import { DSPexError } from '@dspex/core'
import type { EvaluationResult } from '../evaluation-result.js'

/** What went wrong in an evaluation, as an {@link EvaluateError} reports it. */
export type EvaluateErrorCode =
  /** As many examples failed as `maxErrors` allows; the rest were cancelled. `result` holds what finished. */
  | 'evaluate-max-errors'
  /** An option is missing or bad: no metric, an empty devset, a `concurrency` or `maxErrors` that is not a positive integer. */
  | 'evaluate-invalid-options'
  /** Writing `saveAsCSV` or `saveAsJSON` failed; `result` holds the full evaluation. */
  | 'evaluate-save-failed'

/**
 * An evaluation that could not run or finish. When examples did run, `result` keeps them: for
 * `evaluate-max-errors` the examples finished before the evaluation stopped (`aborted: true`, the
 * score over those), for `evaluate-save-failed` the whole evaluation.
 *
 * @see dspy.Evaluate (which raises "Execution cancelled due to errors or interruption.")
 */
export class EvaluateError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.evaluate')
  declare readonly code: EvaluateErrorCode
  /** What finished before the error, when anything ran (non-enumerable, so an uncaught throw does not print it). */
  declare readonly result: EvaluationResult<unknown> | undefined

  constructor(options: { message: string; code: EvaluateErrorCode; result?: EvaluationResult<unknown>; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.setLargeField('result', options.result)
  }
}
