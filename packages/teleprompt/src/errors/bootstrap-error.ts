import { TelepromptError } from './teleprompt-error.js'

/** What stopped a bootstrap, as a {@link BootstrapError} reports it. */
export type BootstrapErrorCode =
  /** As many teacher runs (or metric calls) failed as `maxErrors` allows; `cause` is the last failure. */
  'bootstrap-max-errors'

/**
 * A bootstrap stopped because too many teacher runs or metric calls threw. DSPy re-raises the
 * failure itself; DSPex wraps it (as `cause`) and says how many failures there were.
 *
 * @see dspy.BootstrapFewShot._bootstrap_one_example
 */
export class BootstrapError extends TelepromptError {
  static override readonly marker: symbol = Symbol.for('dspex.error.bootstrap')
  declare readonly code: BootstrapErrorCode
  /** How many failures were counted when the bootstrap stopped. */
  readonly errorCount: number

  constructor(options: { message: string; code: BootstrapErrorCode; errorCount: number; cause?: unknown }) {
    super(options)
    this.errorCount = options.errorCount
  }
}
