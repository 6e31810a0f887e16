import { ChainOfThought } from '@dspex/predict'
import { type Example, type ForwardOptions, Module, type ModuleOptions, Prediction, type TraceEntry } from '@dspex/primitives'
import type { Signature } from '@dspex/signatures'
import type { Metric } from '../metric.js'
import { type JudgeInputs, judgeField, judgeNumber } from './judge-inputs.js'
import { precisionRecallF1 } from './precision-recall-f1.js'
import { DecompositionalSemanticRecallPrecision, SemanticRecallPrecision } from './semantic-recall-precision.js'

/** Options of {@link SemanticF1}. */
export interface SemanticF1Options extends ModuleOptions {
  /** The F1 a prediction needs to pass when a trace is given (during optimization). Defaults to 0.66. */
  readonly threshold?: number
  /** Judge with {@link DecompositionalSemanticRecallPrecision} (key ideas enumerated first). Defaults to false. */
  readonly decompositional?: boolean
}

/** The inputs of the semantic judge. */
type SemanticJudgeInputs = { question: string; ground_truth: string; system_response: string }

/** What an LM-judged metric returns: the score, or pass/fail when a trace was given. */
export type JudgeScore = Prediction<{ score: number | boolean }>

/**
 * An LM-judged metric: a chain-of-thought judge estimates the recall and precision of the
 * prediction's `response` against the example's `response` (for the example's `question`), and
 * the score is their F1. With a trace (during optimization) the score is whether that F1 reaches
 * `threshold`. A Module, so its judge can itself be optimized, saved and loaded.
 *
 * @throws {MetricError} when the example lacks `question`/`response` or the prediction `response`.
 * @example
 * ```ts
 * const semanticF1 = new SemanticF1({ decompositional: true })
 * const evaluate = new Evaluate({ devset, metric: semanticF1.metric })
 * const { score } = await semanticF1.evaluate(example, prediction) // a number in [0, 1]
 * ```
 * @see dspy.evaluate.SemanticF1
 */
export class SemanticF1 extends Module<JudgeInputs, JudgeScore> {
  /** The F1 needed to pass when a trace is given. */
  threshold: number
  /** The chain-of-thought judge (named `module`, as in DSPy, so saved state lines up). */
  module: ChainOfThought<Signature<SemanticJudgeInputs, { recall: number; precision: number }>>

  constructor(options: SemanticF1Options = {}) {
    super(options.callbacks === undefined ? {} : { callbacks: options.callbacks })
    this.threshold = options.threshold ?? 0.66
    const signature = options.decompositional === true ? DecompositionalSemanticRecallPrecision : SemanticRecallPrecision
    this.module = new ChainOfThought(signature)
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
    const inputs = {
      question: judgeField(example, 'question', 'example', 'SemanticF1'),
      ground_truth: judgeField(example, 'response', 'example', 'SemanticF1'),
      system_response: judgeField(prediction, 'response', 'prediction', 'SemanticF1'),
    } as SemanticJudgeInputs
    const scores = await this.module.call(inputs, signal === undefined ? {} : { signal })
    const score = precisionRecallF1(judgeNumber(scores.precision, 'precision', 'SemanticF1'), judgeNumber(scores.recall, 'recall', 'SemanticF1'))
    return new Prediction({ score: trace === undefined ? score : score >= this.threshold })
  }
}
