import { type Adapter, type AdapterModel, type AdapterOutputs, ChatAdapter, type FieldValues } from '@dspex/formats'
import { LM, type LMCallOptions, type LMRequestOptions, type LMState, LMStateError } from '@dspex/lm'
import {
  type Callback,
  type ForwardOptions,
  getSetting,
  Module,
  type ModuleCallOptions,
  Prediction,
  type Predictor,
  parameterMarker,
  predictorMarker,
  recordHistory,
  recordTrace,
  recordUsage,
} from '@dspex/primitives'
import type { GenerateRequest } from '@dspex/provider'
import type { Signature } from '@dspex/signatures'
import './settings-registration.js'
import { checkPredictInputs } from './check-predict-inputs.js'
import { PredictError } from './errors/predict-error.js'
import { type PredictState, readPredictState } from './predict-state.js'
import { type AnySignatureSource, type SignatureSource, type SourceInputs, type SourceOutputs, toSignature } from './signature-source.js'

/** Options of a predictor: LM request options used on every call (DSPy's `**config`) and an LM. */
export interface PredictOptions extends LMRequestOptions {
  /** The LM this predictor calls; the `lm` setting when left out. */
  readonly lm?: LM
  /** Callbacks for this predictor's calls. */
  readonly callbacks?: readonly Callback[]
}

/** Per-call options of a predictor (DSPy's `demos=`, `config=`, `lm=`, `signature=` keyword arguments). */
export interface PredictCallOptions extends ModuleCallOptions {
  /** Demos for this call instead of the predictor's own. */
  readonly demos?: readonly FieldValues[]
  /** LM request options for this call, over the predictor's. */
  readonly config?: LMCallOptions
  /** The LM for this call. */
  readonly lm?: LM
  /** A signature for this call (same fields, e.g. other instructions). */
  readonly signature?: Signature<object, object>
}

const defaultAdapter = new ChatAdapter()

/**
 * The basic predictor: formats its signature, demos and the inputs into messages through the
 * adapter (the `adapter` setting, ChatAdapter by default), calls the LM and parses the reply into
 * a typed `Prediction`. Inputs and outputs are typed from the signature, even from its string
 * form: the type parameter is the signature source itself (`Predict<'question -> answer'>`).
 *
 * @example
 * ```ts
 * const qa = new Predict('question -> answer')
 * const prediction = await qa.call({ question: 'What is the capital of France?' })
 * prediction.answer // string
 * ```
 * @see dspy.Predict
 */
export class Predict<const Source extends SignatureSource = AnySignatureSource>
  extends Module<SourceInputs<Source>, Prediction<SourceOutputs<Source>>, PredictCallOptions>
  implements Predictor
{
  declare readonly [parameterMarker]: true
  declare readonly [predictorMarker]: true
  /** The signature (replaced by optimizers and by loading state). */
  signature: Signature<SourceInputs<Source>, SourceOutputs<Source>>
  /** Few-shot examples shown before the inputs. */
  demos: FieldValues[] = []
  /** The LM this predictor calls; `null` for the `lm` setting. */
  lm: LM | null
  /** LM request options for every call. */
  config: LMRequestOptions
  /** Kept for DSPy's saved-state layout (always empty in practice). */
  traces: unknown[] = []
  /** Kept for DSPy's saved-state layout (always empty in practice). */
  train: unknown[] = []

  constructor(signature: Source, options: PredictOptions = {}) {
    const { lm, callbacks, ...config } = options
    super(callbacks === undefined ? {} : { callbacks })
    this.signature = toSignature(signature)
    this.lm = lm ?? null
    this.config = config
  }

  protected async forward(inputs: SourceInputs<Source>, options: ForwardOptions<PredictCallOptions>): Promise<Prediction<SourceOutputs<Source>>> {
    const signature = (options.signature ?? this.signature) as Signature<object, object>
    const lm = options.lm ?? this.lm ?? getSetting('lm')
    if (!(lm instanceof LM)) {
      throw new PredictError({
        message: 'No LM is loaded. Pass one to the predictor ({ lm }) or configure one: configure({ lm: new LM(...) }).',
        code: 'predict-no-lm',
      })
    }
    const checked = checkPredictInputs(signature, inputs as Readonly<Record<string, unknown>>, getSetting('logger'), getSetting('warnOnTypeMismatch'))
    const { signal } = options
    const config: LMCallOptions = { ...this.config, ...options.config, ...(signal === undefined ? {} : { signal }) }
    const temperature = config.n !== undefined && config.n > 1 && (config.temperature ?? 0) <= 0.15 ? { temperature: 0.7 } : {}
    const adapter: Adapter = getSetting('adapter') ?? defaultAdapter
    const languageModel = lm.resolvedLanguageModel ?? (await lm.getLanguageModel())
    const model: AdapterModel = {
      capabilities: languageModel.capabilities,
      generate: async (request: GenerateRequest) => {
        const result = await lm.call(request, { ...config, ...temperature })
        if (result.usage !== undefined) recordUsage(lm.model, { ...result.usage })
        recordHistory(result.historyEntry)
        return result.result
      },
    }
    const completions: AdapterOutputs[] = await adapter.call(model, {
      signature,
      demos: options.demos ?? this.demos,
      inputs: checked,
      request: { ...config, ...temperature },
    })
    if (completions.length === 0 && signature.outputFields.length > 0) throw noCompletionsError(lm, signature)
    const prediction = Prediction.fromCompletions(completions, signature) as Prediction<SourceOutputs<Source>>
    recordTrace(this, checked, prediction as Prediction<object>)
    return prediction
  }

  /** The saved state in DSPy's layout: traces, train, demos, signature and LM. @see dspy.Predict.dump_state */
  override dumpState(): PredictState {
    return {
      traces: this.traces,
      train: this.train,
      demos: this.demos.map((demo) => toPlainDemo(demo)),
      signature: this.signature.dumpState(),
      lm: this.lm === null ? null : this.lm.dumpState(),
    }
  }

  /**
   * Applies saved state: demos as plain objects, the signature's instructions, prefixes and
   * descriptions by position, and the LM (never an API key: that comes from the environment).
   *
   * @throws {PredictError} (`predict-state`) naming the first key that does not fit (`lm.temperature` for an
   *   LM setting of the wrong type, with the `LMStateError` as its cause).
   * @see dspy.Predict.load_state
   */
  override loadState(state: unknown): this {
    const read = readPredictState(state)
    const signature = this.signature.loadState(read.signature)
    const lm = read.lm === null ? null : loadLMState(read.lm)
    this.signature = signature
    this.demos = read.demos.map((demo) => ({ ...demo }))
    this.traces = [...read.traces]
    this.train = [...read.train]
    this.lm = lm
    return this
  }

  /** Forgets what compilation gave it: LM, demos, traces. @see dspy.Predict.reset */
  reset(): void {
    this.lm = null
    this.traces = []
    this.train = []
    this.demos = []
  }

  /** An independent copy. */
  copy(): this {
    return this.deepcopy()
  }
}

Object.defineProperty(Predict.prototype, parameterMarker, { value: true })
Object.defineProperty(Predict.prototype, predictorMarker, { value: true })

function toPlainDemo(demo: FieldValues): Record<string, unknown> {
  const withToDict = demo as { toDict?: () => Record<string, unknown> }
  return typeof withToDict.toDict === 'function' ? withToDict.toDict() : { ...demo }
}

/**
 * The error for an LM reply without completions. DSPy 3.3.1 builds an empty `Prediction` there, whose
 * outputs then fail as missing attributes wherever they are read; DSPex fails the call itself.
 */
function noCompletionsError(lm: LM, signature: Signature<object, object>): PredictError {
  const outputs = signature.outputFields.map((field) => field.name).join(', ')
  return new PredictError({
    message: `The LM ${lm.model} answered with no completions (an empty \`choices\`), so there is no value for ${outputs}. The call was not cached; call again, or inspect it with inspectHistory().`,
    code: 'predict-no-completions',
  })
}

/** The LM of a saved predictor state; an `LMStateError` becomes a `predict-state` error naming `lm.<key>`. */
function loadLMState(state: LMState): LM {
  try {
    return LM.fromState(state)
  } catch (error) {
    if (!LMStateError.isInstance(error)) throw error
    const where = error.key === '' ? 'lm' : `lm.${error.key}`
    throw new PredictError({ message: `Invalid saved predictor state at ${where}: ${error.message}`, code: 'predict-state', cause: error })
  }
}
