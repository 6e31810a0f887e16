import { type ForwardOptions, Module, type Prediction } from '@dspex/primitives'
import { OutputField, type Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { Predict, type PredictCallOptions, type PredictOptions } from './predict.js'
import { type AnySignatureSource, type SignatureSource, type SourceInputs, type SourceOutputs, toSignature } from './signature-source.js'

/** The outputs of a chain of thought: `reasoning`, then the signature's own. */
export type WithReasoning<Outputs> = { reasoning: string } & Outputs

type ReasoningSignature<Source extends SignatureSource> = Signature<SourceInputs<Source>, WithReasoning<SourceOutputs<Source>>>

/**
 * Reasons step by step before answering: a {@link Predict} (at `predict`, as DSPy names it) whose
 * signature has a `reasoning` output first. Per-call options (`demos`, `config`, `lm`,
 * `signature`, `signal`) go to the inner predictor.
 *
 * @example
 * ```ts
 * const cot = new ChainOfThought('question -> answer')
 * const { reasoning, answer } = await cot.call({ question: 'Why is the sky blue?' })
 * ```
 * @see dspy.ChainOfThought
 */
export class ChainOfThought<const Source extends SignatureSource = AnySignatureSource> extends Module<
  SourceInputs<Source>,
  Prediction<WithReasoning<SourceOutputs<Source>>>,
  PredictCallOptions
> {
  /** The inner predictor, with the extended signature. */
  predict: Predict<ReasoningSignature<Source>>

  constructor(signature: Source, options: PredictOptions = {}) {
    super(options.callbacks === undefined ? {} : { callbacks: options.callbacks })
    const extended = toSignature(signature).prepend('reasoning', OutputField(t.string(), { prefix: 'Reasoning:', desc: '${reasoning}' }))
    this.predict = new Predict(extended as unknown as ReasoningSignature<Source>, options)
  }

  protected forward(
    inputs: SourceInputs<Source>,
    options: ForwardOptions<PredictCallOptions>,
  ): Promise<Prediction<WithReasoning<SourceOutputs<Source>>>> {
    return this.predict.call(inputs, options)
  }
}
