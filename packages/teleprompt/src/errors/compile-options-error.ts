import { TelepromptError } from './teleprompt-error.js'

/** What kind of mistake a {@link CompileOptionsError} reports. */
export type CompileOptionsErrorCode =
  /** An optimizer option is out of range (`maxBootstrappedDemos: -1`, `concurrency: 0` ...). */
  | 'compile-invalid-options'
  /** The student was already compiled (DSPy: "Student must be uncompiled."). */
  | 'compile-student-compiled'
  /** Student and teacher differ in their predictors (count or signatures), or share one. */
  | 'compile-teacher-mismatch'

/**
 * Options an optimizer cannot work with, found before any LM call: a bad setting, a compiled
 * student, a teacher whose predictors do not line up with the student's.
 *
 * @see dspy.BootstrapFewShot (its `assert`s)
 */
export class CompileOptionsError extends TelepromptError {
  static override readonly marker: symbol = Symbol.for('dspex.error.compile-options')
  declare readonly code: CompileOptionsErrorCode

  constructor(options: { message: string; code: CompileOptionsErrorCode; cause?: unknown }) {
    super(options)
  }
}
