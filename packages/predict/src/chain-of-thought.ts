import type { ForwardOptions, Prediction } from '@dspex/primitives'
import { Module } from '@dspex/primitives'
import { OutputField, Signature, type SignatureInputs, type SignatureOutputs } from '@dspex/signatures'
import { t } from '@dspex/types'
import { type PredictCallOptions, PredictModule, type PredictOptions } from './predict.js'

type WithReasoning<Output> = { reasoning: string } & Output

/**
 * Reasons step by step before answering: a {@link Predict} (at `predict`, as DSPy names it) whose
 * signature has a `reasoning` output first.
 *
 * @example
 * ```ts
 * const cot = new ChainOfThought('question -> answer')
 * const { reasoning, answer } = await cot.call({ question: 'Why is the sky blue?' })
 * ```
 * @see dspy.ChainOfThought
 */
export class ChainOfThoughtModule<Inputs extends object = Record<string, unknown>, Output extends object = Record<string, unknown>> extends Module<
  Inputs,
  Prediction<WithReasoning<Output>>
> {
  /** The inner predictor, with the extended signature. */
  predict: PredictModule<Inputs, WithReasoning<Output>>

  constructor(signature: string | Signature<Inputs, Output>, options: PredictOptions = {}) {
    super(options.callbacks === undefined ? {} : { callbacks: options.callbacks })
    const base = typeof signature === 'string' ? Signature.parse(signature) : signature
    const extended = base.prepend('reasoning', OutputField(t.string(), { prefix: 'Reasoning:', desc: '${reasoning}' }))
    this.predict = new PredictModule(extended as unknown as Signature<Inputs, WithReasoning<Output>>, options)
  }

  /** Runs with per-call overrides passed to the inner predictor. */
  override call(inputs: Inputs, options: PredictCallOptions = {}): Promise<Prediction<WithReasoning<Output>>> {
    const { signal, ...overrides } = options
    if (Object.keys(overrides).length === 0) return super.call(inputs, signal === undefined ? {} : { signal })
    return this.predict.call(inputs, options)
  }

  protected forward(inputs: Inputs, { signal }: ForwardOptions): Promise<Prediction<WithReasoning<Output>>> {
    return this.predict.call(inputs, signal === undefined ? {} : { signal })
  }
}

type Outputs<Of> = Of extends object ? Of : never

/** `new ChainOfThought(...)`: typed from a signature string or a `Signature`. */
export interface ChainOfThoughtConstructor {
  new <const Text extends string>(
    signature: Text,
    options?: PredictOptions,
  ): ChainOfThoughtModule<SignatureInputs<Text>, Outputs<SignatureOutputs<Text>>>
  new <Inputs extends object, Output extends object>(
    signature: Signature<Inputs, Output>,
    options?: PredictOptions,
  ): ChainOfThoughtModule<Inputs, Output>
  readonly prototype: ChainOfThoughtModule
}

/** Chain of thought; see {@link ChainOfThoughtModule}. @see dspy.ChainOfThought */
export const ChainOfThought = ChainOfThoughtModule as unknown as ChainOfThoughtConstructor
/** A chain-of-thought module with inputs `Inputs` and outputs `Output` (plus `reasoning`). */
export type ChainOfThought<Inputs extends object = Record<string, unknown>, Output extends object = Record<string, unknown>> = ChainOfThoughtModule<
  Inputs,
  Output
>
