// Test-only parameters shaped like DSPy's Predict and ChainOfThought, for the module tests.
import { OutputField, type Signature } from '@dspex/signatures'
import { StateLoadError } from '../errors/state-load-error.js'
import { isExample } from '../is-example.js'
import { type ForwardOptions, Module } from '../module.js'
import { type Predictor, parameterMarker, predictorMarker } from '../parameter.js'
import { isPlainObject } from '../plain-object.js'
import { Prediction } from '../prediction.js'
import { recordHistory } from '../record-history.js'
import { recordTrace } from '../record-trace.js'
import { recordUsage } from '../track-usage.js'

/** A Predict stand-in: answers every output field with a canned text, saves state in DSPy's layout. */
export class FakePredict extends Module implements Predictor {
  declare readonly [parameterMarker]: true
  declare readonly [predictorMarker]: true
  signature: Signature<object, object>
  lm: unknown = null
  traces: unknown[] = []
  train: unknown[] = []
  demos: unknown[] = []

  constructor(signature: Signature<object, object>) {
    super()
    this.signature = signature
  }

  /** Answers each output field with `<field> for <first input>`, recording history, usage and trace as an LM call would. */
  protected async forward(inputs: Record<string, unknown>, _options: ForwardOptions): Promise<Prediction> {
    const first = String(Object.values(inputs)[0])
    const outputs = Object.fromEntries(this.signature.outputFields.map((field) => [field.name, `${field.name} for ${first}`]))
    recordHistory({ model: 'fake/model', inputs, outputs: [JSON.stringify(outputs)] })
    recordUsage('fake/model', { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 })
    const prediction = new Prediction(outputs)
    recordTrace(this, inputs, prediction)
    return prediction
  }

  override dumpState(): Record<string, unknown> {
    return {
      traces: this.traces,
      train: this.train,
      demos: this.demos.map((demo) => (isExample(demo) ? demo.toDict() : demo)),
      signature: this.signature.dumpState(),
      lm: null,
    }
  }

  override loadState(state: unknown): this {
    if (!isPlainObject(state)) throw StateLoadError.invalid([], 'an object', state)
    for (const key of ['traces', 'train', 'demos'] as const) {
      if (!Object.hasOwn(state, key)) throw StateLoadError.missing([key], Object.keys(state))
      if (!Array.isArray(state[key])) throw StateLoadError.invalid([key], 'an array', state[key])
    }
    ;(state.demos as unknown[]).forEach((demo, index) => {
      if (!isPlainObject(demo)) throw StateLoadError.invalid(['demos', index], 'an object', demo)
    })
    if (!Object.hasOwn(state, 'signature')) throw StateLoadError.missing(['signature'], Object.keys(state))
    let signature: Signature<object, object>
    try {
      signature = this.signature.loadState(state.signature)
    } catch (error) {
      throw StateLoadError.within(['signature'], error)
    }
    this.traces = [...(state.traces as unknown[])]
    this.train = [...(state.train as unknown[])]
    this.demos = [...(state.demos as unknown[])]
    this.signature = signature
    this.lm = null
    return this
  }

  reset(): void {
    this.lm = null
    this.traces = []
    this.train = []
    this.demos = []
  }

  copy(): this {
    return this.deepcopy()
  }

  override toString(): string {
    return `FakePredict(${this.signature.signatureString})`
  }
}

Object.defineProperties(FakePredict.prototype, { [parameterMarker]: { value: true }, [predictorMarker]: { value: true } })

/** A ChainOfThought stand-in: a FakePredict whose signature gets a `reasoning` output first. */
export class FakeChainOfThought extends Module {
  predict: FakePredict

  constructor(signature: Signature<object, object>) {
    super()
    this.predict = new FakePredict(signature.prepend('reasoning', OutputField(undefined, { prefix: 'Reasoning:', desc: '${reasoning}' })))
  }

  protected forward(inputs: Record<string, unknown>, options: ForwardOptions): Promise<Prediction> {
    return this.predict.call(inputs, options)
  }
}
