import { DSPexError } from '@dspex/core'

/** What stopped a batch, as a {@link BatchError} reports it. */
export type BatchErrorCode =
  /** As many items failed as `maxErrors` allows; the rest were cancelled (DSPy's "Execution cancelled due to errors or interruption."). */
  | 'batch-max-errors'
  /** The caller's `AbortSignal` fired; the error's `cause` is the signal's reason. */
  | 'batch-aborted'
  /** `concurrency` or `maxErrors` is not a positive integer. */
  | 'batch-invalid-options'

/** One item of a batch that failed: its position, what it was called with and what it threw. */
export interface BatchFailure<Item = unknown> {
  /** The position of the item in the batch. */
  readonly index: number
  /** The item as given to the batch. */
  readonly item: Item
  /** What the call threw. */
  readonly error: unknown
}

/**
 * A batch that was stopped before every item ran: too many failures, or an abort. It keeps what
 * was finished by then: `results` (in order, `undefined` where an item failed or never ran) and
 * `failures`.
 *
 * @see dspy.Module.batch
 */
export class BatchError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.batch')
  declare readonly code: BatchErrorCode
  /** The results finished before the batch stopped, in item order; `undefined` elsewhere (non-enumerable). */
  declare readonly results: readonly unknown[]
  /** The failures recorded before the batch stopped, in item order (non-enumerable). */
  declare readonly failures: readonly BatchFailure[]

  constructor(options: {
    message: string
    code: BatchErrorCode
    results?: readonly unknown[]
    failures?: readonly BatchFailure[]
    cause?: unknown
  }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.setLargeField('results', options.results ?? [])
    this.setLargeField('failures', options.failures ?? [])
  }
}
