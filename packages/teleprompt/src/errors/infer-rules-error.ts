import { TelepromptError } from './teleprompt-error.js'

/** What kind of failure an {@link InferRulesError} reports. */
export type InferRulesErrorCode =
  /** Even a single example did not fit in the rule-inducing model's context window. */
  | 'infer-rules-context-window'
  /** No LM is configured for rule induction (the `lm` setting, or `teacherSettings.lm`). */
  | 'infer-rules-no-lm'

/**
 * Rule induction that could not run.
 *
 * @see dspy.teleprompt.InferRules
 */
export class InferRulesError extends TelepromptError {
  static override readonly marker: symbol = Symbol.for('dspex.error.infer-rules')
  declare readonly code: InferRulesErrorCode

  constructor(options: { message: string; code: InferRulesErrorCode; cause?: unknown }) {
    super(options)
  }
}
