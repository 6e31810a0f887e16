import { DSPexError } from '@dspex/core'

/** What kind of failure a {@link StateSaveError} reports. */
export type StateSaveErrorCode =
  /** The path does not end with `.json` (DSPy's `ValueError`; `.pkl` is not supported). */
  | 'state-file-suffix'
  /** The state holds a value JSON cannot express (a function, a class instance without `toJSON`, a cycle). */
  | 'state-not-serializable'
  /** The file could not be written. */
  | 'state-file-write'

/**
 * A program's state that could not be saved: a bad file name, a value that is not JSON, or a
 * write that failed. `path` says where in the state the bad value is, when that is the problem.
 *
 * @see dspy.Module.save
 */
export class StateSaveError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.state-save')
  declare readonly code: StateSaveErrorCode
  /** Where in the state the unserializable value is (`cot.predict.demos[0].image`), or `''`. */
  readonly path: string

  constructor(options: { message: string; code: StateSaveErrorCode; path?: string; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.path = options.path ?? ''
  }
}
