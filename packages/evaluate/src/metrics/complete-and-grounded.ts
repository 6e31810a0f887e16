import { ChainOfThought } from '@dspex/predict'
import { type Example, type ForwardOptions, Module, type ModuleOptions, Prediction, type TraceEntry } from '@dspex/primitives'
import type { Signature } from '@dspex/signatures'
import type { Metric } from '../metric.js'
import { AnswerCompleteness, AnswerGroundedness } from './complete-and-grounded-signatures.js'
import { type JudgeInputs, judgeField, judgeNumber } from './judge-inputs.js'
import { precisionRecallF1 } from './precision-recall-f1.js'
import type { JudgeScore } from './semantic-f1.js'

/** Options of {@link CompleteAndGrounded}. */
export interface CompleteAndGroundedOptions extends ModuleOptions {
  /** The score a prediction needs to pass when a trace is given (during optimization). Defaults to 0.66. */
  readonly threshold?: number
}

type CompletenessInputs = { question: string; ground_truth: string; system_response: string }
type GroundednessInputs = { question: string; retrieved_context: string; system_response: string }

/**
 * An LM-judged metric for retrieval-augmented answers: one chain-of-thought judge rates how
 * complete the prediction's `response` is against the example's `response`, another how grounded
 * it is in the prediction's `context`; the score is the F1 of groundedness (as precision) and
 * completeness (as recall). With a trace the score is whether it reaches `threshold`.
 *
 * @throws {MetricError} when the example lacks `question`/`response` or the prediction `response`/`context`.
 * @example
 * ```ts
 * const judge = new CompleteAndGrounded()
 * const { score } = await judge.evaluate(example, new Prediction({ response, context }))
 * ```
 * @see dspy.evaluate.CompleteAndGrounded
 */
export class CompleteAndGrounded extends Module<JudgeInputs, JudgeScore> {
  /** The score needed to pass when a trace is given. */
  threshold: number
  /** The completeness judge. */
  completeness_module: ChainOfThought<Signature<CompletenessInputs, { completeness: number }>>
  /** The groundedness judge. */
  groundedness_module: ChainOfThought<Signature<GroundednessInputs, { groundedness: number }>>

  constructor(options: CompleteAndGroundedOptions = {}) {
    super(options.callbacks === undefined ? {} : { callbacks: options.callbacks })
    this.threshold = options.threshold ?? 0.66
    this.completeness_module = new ChainOfThought(AnswerCompleteness)
    this.groundedness_module = new ChainOfThought(AnswerGroundedness)
  }

  /** Scores one prediction; same as `call({ example, prediction, trace })`. */
  evaluate(example: Example<object>, prediction: Prediction<object>, trace?: readonly TraceEntry[]): Promise<JudgeScore> {
    return this.call({ example, prediction, trace })
  }

  /** This judge as a {@link Metric} function, bound to this instance. */
  get metric(): Metric {
    return (example, prediction, trace) => this.evaluate(example, prediction, trace)
  }

  protected async forward({ example, prediction, trace }: JudgeInputs, { signal }: ForwardOptions): Promise<JudgeScore> {
    const question = judgeField(example, 'question', 'example', 'CompleteAndGrounded')
    const systemResponse = judgeField(prediction, 'response', 'prediction', 'CompleteAndGrounded')
    const callOptions = signal === undefined ? {} : { signal }
    const completeness = await this.completeness_module.call(
      {
        question,
        ground_truth: judgeField(example, 'response', 'example', 'CompleteAndGrounded'),
        system_response: systemResponse,
      } as CompletenessInputs,
      callOptions,
    )
    const groundedness = await this.groundedness_module.call(
      {
        question,
        retrieved_context: judgeField(prediction, 'context', 'prediction', 'CompleteAndGrounded'),
        system_response: systemResponse,
      } as GroundednessInputs,
      callOptions,
    )
    const score = precisionRecallF1(
      judgeNumber(groundedness.groundedness, 'groundedness', 'CompleteAndGrounded'),
      judgeNumber(completeness.completeness, 'completeness', 'CompleteAndGrounded'),
    )
    return new Prediction({ score: trace === undefined ? score : score >= this.threshold })
  }
}
