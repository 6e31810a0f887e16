import { Signature } from '@dspex/signatures'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeChainOfThought, FakePredict } from './__fixtures__/fake-predict.js'
import { ModuleError } from './errors/module-error.js'
import { Example } from './example.js'
import { type ForwardOptions, Module } from './module.js'
import { isPredictor } from './parameter.js'
import { Prediction } from './prediction.js'
import { defaultSettings } from './settings.js'
import { configure } from './settings-context.js'

afterEach(() => configure(defaultSettings()))

/** A module with no logic of its own, to hold attributes as DSPy's bare `Module()` does. */
class Container extends Module {
  [attribute: string]: unknown
  protected forward(): Prediction {
    return new Prediction({})
  }
}

function container(attributes: Record<string, unknown> = {}): Container {
  return Object.assign(new Container(), attributes)
}

class HopModule extends Module<{ question: string }> {
  predict1 = new FakePredict(Signature.parse('question -> query'))
  predict2 = new FakePredict(Signature.parse('query -> answer'))

  protected async forward({ question }: { question: string }, options: ForwardOptions): Promise<Prediction> {
    const { query } = await this.predict1.call({ question }, options)
    return this.predict2.call({ query }, options)
  }
}

// DSPy's tests/primitives/test_module.py, one `it` per case, then DSPex's own cases.
describe('Module structure (DSPy test_module.py)', () => {
  it('starts uncompiled, with empty history and callbacks that are not attributes', () => {
    const module = container()
    expect(module.compiled).toBe(false)
    expect(module.history).toEqual([])
    expect(Object.keys(module)).toEqual([])
  })

  it('names its predictors', () => {
    expect(new HopModule().namedPredictors().map(([name]) => name)).toEqual(['predict1', 'predict2'])
  })

  it('lists its predictors', () => {
    const predictors = new HopModule().predictors()
    expect(predictors).toHaveLength(2)
    expect(predictors.every((predictor) => predictor instanceof FakePredict && isPredictor(predictor))).toBe(true)
  })

  it('runs forward through call', async () => {
    expect((await new HopModule().call({ question: 'What is 1+1?' })).answer).toBe('answer for query for What is 1+1?')
  })

  it('names nested predictors', () => {
    const module = container({ hop: new HopModule() })
    expect(module.namedPredictors().map(([name]) => name)).toEqual(['hop.predict1', 'hop.predict2'])
  })

  it('lists an empty module as its only sub-module', () => {
    const module = container()
    expect(module.namedSubModules()).toEqual([['self', module]])
  })

  it('lists one level of sub-modules', () => {
    const module = container({ sub: container() })
    expect(module.namedSubModules()).toEqual([
      ['self', module],
      ['self.sub', module.sub],
    ])
  })

  it('lists several levels of sub-modules', () => {
    const subsub = container()
    const sub = container({ subsub })
    const module = container({ sub })
    expect(module.namedSubModules()).toEqual([
      ['self', module],
      ['self.sub', sub],
      ['self.sub.subsub', subsub],
    ])
  })

  it('lists several sub-modules', () => {
    const module = container({ sub1: container(), sub2: container() })
    expect(module.namedSubModules().map(([name]) => name)).toEqual(['self', 'self.sub1', 'self.sub2'])
  })

  it('ignores attributes that are not modules', () => {
    const module = container({ sub: container(), notASub: 'Not a self' })
    expect(module.namedSubModules().map(([name]) => name)).toEqual(['self', 'self.sub'])
  })

  it('walks lists and dicts at any depth', () => {
    const root = container({
      sub_module: container({ nested_list: [container(), { key: container() }], nested_tuple: [container(), [container(), container()]] }),
    })
    expect(new Set(root.namedSubModules().map(([name]) => name))).toEqual(
      new Set([
        'self',
        'self.sub_module',
        'self.sub_module.nested_list[0]',
        'self.sub_module.nested_list[1][key]',
        'self.sub_module.nested_tuple[0]',
        'self.sub_module.nested_tuple[1][0]',
        'self.sub_module.nested_tuple[1][1]',
      ]),
    )
  })

  it('lists a module reached twice once', () => {
    const same = container()
    const root = container({
      sub_module: container({ nested_list: [container(), { key: container() }], nested_tuple: [container(), [same, same]] }),
    })
    expect(new Set(root.namedSubModules().map(([name]) => name))).toEqual(
      new Set([
        'self',
        'self.sub_module',
        'self.sub_module.nested_list[0]',
        'self.sub_module.nested_list[1][key]',
        'self.sub_module.nested_tuple[0]',
        'self.sub_module.nested_tuple[1][0]',
      ]),
    )
  })

  it('lists a parameter referenced twice once', () => {
    const p0 = new FakePredict(Signature.parse('question -> answer'))
    const module = container({ p0, p1: p0 })
    expect(module.namedParameters().map(([name]) => name)).toEqual(['p0'])
  })
})

describe('Module structure (DSPex)', () => {
  it('names parameters in lists, dicts and Maps as DSPy does, one level deep', () => {
    const predict = (): FakePredict => new FakePredict(Signature.parse('a -> b'))
    const module = container({
      lst: [predict(), new FakeChainOfThought(Signature.parse('q -> a'))],
      d: { k: predict() },
      m: new Map([['x', predict()]]),
      deep: [[predict()]],
      text: 'ignored',
    })
    expect(module.namedParameters().map(([name]) => name)).toEqual(['lst[0]', 'lst[1].predict', "d['k']", "m['x']"])
  })

  it('lists a bare predictor as self', () => {
    const predict = new FakePredict(Signature.parse('a -> b'))
    expect(predict.namedParameters()).toEqual([['self', predict]])
  })

  it('skips the parameters of compiled sub-modules, and their insides when asked', () => {
    const frozen = new HopModule()
    frozen.compiled = true
    const module = container({ frozen, fresh: new FakeChainOfThought(Signature.parse('q -> a')) })
    expect(module.namedParameters().map(([name]) => name)).toEqual(['fresh.predict'])
    expect(module.namedSubModules({ skipCompiled: true }).map(([name]) => name)).toEqual(['self', 'self.frozen', 'self.fresh', 'self.fresh.predict'])
    expect(module.namedSubModules().map(([name]) => name)).toContain('self.frozen.predict1')
  })

  it('filters sub-modules by class', () => {
    const module = container({ cot: new FakeChainOfThought(Signature.parse('q -> a')), hop: new HopModule() })
    expect(module.namedSubModules({ type: FakePredict }).map(([name]) => name)).toEqual([
      'self.cot.predict',
      'self.hop.predict1',
      'self.hop.predict2',
    ])
  })

  it('sets and gets the LM of every parameter', () => {
    const module = new HopModule()
    const lm = { model: 'm' }
    module.setLM(lm)
    expect(module.predict1.lm).toBe(lm)
    expect(module.getLM()).toBe(lm)
    module.predict2.lm = { model: 'other' }
    expect(() => module.getLM()).toThrow(expect.objectContaining({ code: 'module-lm-not-unique', message: expect.stringContaining('Multiple LMs') }))
    expect(() => container().getLM()).toThrow(ModuleError)
  })

  it('maps named predictors in place, through lists and dicts', () => {
    const module = container({
      hop: new HopModule(),
      lst: [new FakePredict(Signature.parse('a -> b'))],
      d: { k: new FakePredict(Signature.parse('c -> d')) },
    })
    const seen: string[] = []
    module.mapNamedPredictors((predictor, name) => {
      seen.push(name)
      const copy = (predictor as FakePredict).deepcopy()
      copy.demos = [{ mapped: name }]
      return copy
    })
    expect(seen).toEqual(['hop.predict1', 'hop.predict2', 'lst[0]', "d['k']"])
    expect(module.namedPredictors().map(([name, predictor]) => [name, (predictor as FakePredict).demos])).toEqual(
      seen.map((name) => [name, [{ mapped: name }]]),
    )
  })

  it('refuses to replace a bare predictor itself', () => {
    const predict = new FakePredict(Signature.parse('a -> b'))
    expect(predict.mapNamedPredictors((item) => item)).toBe(predict)
    expect(() => predict.mapNamedPredictors((item) => (item as FakePredict).deepcopy())).toThrow(ModuleError)
  })

  it("reprs as DSPy's named predictor lines", () => {
    expect(String(new HopModule())).toBe('predict1 = FakePredict(question -> query)\npredict2 = FakePredict(query -> answer)')
  })
})

describe('Module.deepcopy', () => {
  it('copies parameters into new objects with the same state (DSPy test_deepcopy_basic)', () => {
    const cot = new FakeChainOfThought(Signature.parse('q -> a'))
    cot.predict.demos = [new Example({ q: 'x', a: 'y' }).withInputs('q'), { q: 'plain' }]
    const copied = cot.deepcopy()
    expect(copied).toBeInstanceOf(FakeChainOfThought)
    expect(copied.parameters()).toHaveLength(1)
    expect(copied.predict).not.toBe(cot.predict)
    expect(copied.predict.dumpState()).toEqual(cot.predict.dumpState())
    expect(copied.predict.demos[0]).not.toBe(cot.predict.demos[0])
    expect((copied.predict.demos[0] as Example).inputKeys).toEqual(new Set(['q']))
    copied.predict.demos.push({ q: 'more' })
    expect(cot.predict.demos).toHaveLength(2)
  })

  it('shares values it cannot copy, and copies nested modules (DSPy test_deepcopy_with_uncopyable_modules, nested)', () => {
    class Lock {}
    const inner = container({ lock: new Lock(), cot: new FakeChainOfThought(Signature.parse('q -> a')) })
    const model = container({ submodel: inner })
    const copied = model.deepcopy()
    expect((copied.submodel as Container).lock).toBe(inner.lock)
    expect(copied.submodel).not.toBe(inner)
    expect(copied.parameters()[0]).not.toBe(model.parameters()[0])
    expect(copied.parameters()[0]?.dumpState()).toEqual(model.parameters()[0]?.dumpState())
  })

  it('keeps aliases, shares signatures, empties history and keeps callbacks', () => {
    const p0 = new FakePredict(Signature.parse('question -> answer'))
    const callback = { onModuleStart: () => undefined }
    const module = Object.assign(new Container({ callbacks: [callback] }), { p0, p1: p0, list: [p0] })
    module.history.push({ entry: 1 })
    const copied = module.deepcopy()
    expect(copied.p1).toBe(copied.p0)
    expect((copied.list as unknown[])[0]).toBe(copied.p0)
    expect(copied.p0).not.toBe(p0)
    expect((copied.p0 as FakePredict).signature).toBe(p0.signature)
    expect(copied.history).toEqual([])
    expect(copied.callbacks).toEqual([callback])
    expect(copied.callbacks).not.toBe(module.callbacks)
    expect(Object.keys(copied)).toEqual(['p0', 'p1', 'list'])
  })

  it('resetCopy resets every parameter of the copy only', () => {
    const module = new HopModule()
    module.predict1.demos = [{ question: 'q', query: 'x' }]
    module.predict1.lm = { model: 'm' }
    const reset = module.resetCopy()
    expect(reset.predict1.demos).toEqual([])
    expect(reset.predict1.lm).toBeNull()
    expect(module.predict1.demos).toHaveLength(1)
  })
})
