import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Cache, LM, LMStateError } from '@dspex/lm'
import { configure, context, defaultSettings, Module, Prediction, StateLoadError, type TraceEntry } from '@dspex/primitives'
import type { GenerateResult, LanguageModel } from '@dspex/provider'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { ScriptedLM } from '@dspex/testing'
import { t } from '@dspex/types'
import { afterEach, describe, expect, it } from 'vitest'
import { ChainOfThought } from './chain-of-thought.js'
import { PredictError } from './errors/predict-error.js'
import { Predict } from './predict.js'

const savedDirectory = fileURLToPath(new URL('../../../fixtures/dspy/saved/', import.meta.url))
const lmFor = (model: ScriptedLM): LM => new LM(model, { cache: false })

afterEach(() => configure(defaultSettings()))

describe('Predict', () => {
  it('formats the prompt as DSPy, calls the LM and parses typed outputs', async () => {
    const model = new ScriptedLM([{ answer: ['Paris', 'Lyon'], confidence: '0.9' }])
    const predict = new Predict('question, k: int -> answer: list[str], confidence: float', { lm: lmFor(model) })
    const prediction = await predict.call({ question: 'Two French cities?', k: 2 })
    expect(prediction.answer).toEqual(['Paris', 'Lyon'])
    expect(prediction.confidence).toBe(0.9)
    const [system, user] = model.requests[0]?.messages ?? []
    expect(system?.content).toContain('1. `question` (str): \n2. `k` (int):\nYour output fields are:')
    expect(user?.content).toBe(
      '[[ ## question ## ]]\nTwo French cities?\n\n[[ ## k ## ]]\n2\n\nRespond with the corresponding output fields, starting with the field `[[ ## answer ## ]]` (must be formatted as a valid Python list[str]), then `[[ ## confidence ## ]]` (must be formatted as a valid Python float), and then ending with the marker for `[[ ## completed ## ]]`.',
    )
  })

  it('uses the configured LM, its demos, and per-call demos and config', async () => {
    const model = new ScriptedLM(() => ({ answer: 'x' }))
    configure({ lm: lmFor(model) })
    const predict = new Predict('question -> answer')
    predict.demos = [{ question: 'q1', answer: 'a1' }]
    await predict.call({ question: 'q' })
    expect(model.requests[0]?.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user'])
    await predict.call({ question: 'q' }, { demos: [], config: { temperature: 0.3 } })
    expect(model.requests[1]?.messages).toHaveLength(2)
    expect(model.requests[1]?.temperature).toBe(0.3)
  })

  it('returns n completions, raising the temperature as DSPy does', async () => {
    const model = new ScriptedLM([{ answer: 'a' }, { answer: 'b' }, { answer: 'c' }])
    const predict = new Predict('question -> answer', { lm: lmFor(model), n: 3 })
    const prediction = await predict.call({ question: 'q' })
    expect(prediction.answer).toBe('a')
    expect(prediction.completions?.field('answer')).toEqual(['a', 'b', 'c'])
    expect(model.requests[0]?.temperature).toBe(0.7)
  })

  it('refuses to run without an LM, or with a required input missing', async () => {
    await expect(new Predict('question -> answer').call({ question: 'q' })).rejects.toThrow(PredictError)
    const predict = new Predict('question, context -> answer', { lm: lmFor(new ScriptedLM([])) })
    await expect(predict.call({ question: 'q' } as never)).rejects.toThrow('Missing: [context]')
  })

  it('fills inputs from defaults and warns about unknown inputs', async () => {
    const warnings: string[] = []
    configure({ logger: { warn: (message) => warnings.push(message) } })
    const signature = Signature.create({
      fields: { question: InputField(), hint: InputField(t.optional(t.string()), { default: null }), answer: OutputField() },
    })
    const model = new ScriptedLM([{ answer: 'a' }])
    await new Predict(signature, { lm: lmFor(model) }).call({ question: 'q', extra: 1 } as never)
    expect(model.requests[0]?.messages.at(-1)?.content).toContain('[[ ## hint ## ]]\nNone')
    expect(warnings).toEqual(['Input contains fields not in signature. These fields will be ignored: [extra].'])
  })

  it('warns about inputs that do not fit their type, and accepts optional inputs left out', async () => {
    const warnings: string[] = []
    configure({ logger: { warn: (message) => warnings.push(message) } })
    const model = new ScriptedLM(() => ({ answer: 'a' }))
    const predict = new Predict('question, k: int, note: Optional[str] -> answer', { lm: lmFor(model) })
    await predict.call({ question: 'q', k: 'three' } as never)
    expect(warnings).toEqual(["Type mismatch for field 'k': expected int based on given Signature, but the provided value is incompatible: three."])
    await predict.call({ question: 'q', k: '3' } as never)
    configure({ warnOnTypeMismatch: false })
    await predict.call({ question: 'q', k: 'four' } as never)
    expect(warnings).toHaveLength(1)
  })

  it('adds each LM call to the history of the modules running it', async () => {
    const cot = new ChainOfThought('question -> answer', { lm: lmFor(new ScriptedLM([{ reasoning: 'r', answer: 'a' }])) })
    await cot.call({ question: 'q' })
    expect(cot.history).toHaveLength(1)
    expect(cot.predict.history).toHaveLength(1)
    expect(cot.history[0]).toMatchObject({ model: 'scripted/dummy', cacheHit: false })
  })

  it('records traces for optimizers', async () => {
    const trace: TraceEntry[] = []
    const predict = new Predict('question -> answer', { lm: lmFor(new ScriptedLM([{ answer: 'a' }])) })
    await context({ trace }, () => predict.call({ question: 'q' }))
    expect(trace).toHaveLength(1)
    expect(trace[0]?.[0]).toBe(predict)
    expect(trace[0]?.[1]).toEqual({ question: 'q' })
  })

  it('keeps thousands of concurrent calls with different LMs apart', async () => {
    const predict = new Predict('question -> answer')
    const results = await Promise.all(
      Array.from({ length: 2000 }, (_, index) =>
        context({ lm: lmFor(new ScriptedLM(() => ({ answer: `answer ${index}` }), { latencyMs: index % 3 })) }, () =>
          predict.call({ question: `q${index}` }),
        ),
      ),
    )
    expect(results.every((prediction, index) => prediction.answer === `answer ${index}`)).toBe(true)
  })
})

describe('ChainOfThought', () => {
  it('adds the reasoning output first, keeping the instructions', async () => {
    const model = new ScriptedLM([{ reasoning: 'Paris is the capital.', answer: 'Paris' }])
    const cot = new ChainOfThought('question -> answer', { lm: lmFor(model) })
    const prediction = await cot.call({ question: 'Capital of France?' })
    expect([prediction.reasoning, prediction.answer]).toEqual(['Paris is the capital.', 'Paris'])
    expect(cot.predict.signature.signatureString).toBe('question -> reasoning, answer')
    expect(cot.predict.signature.instructions).toBe('Given the fields `question`, produce the fields `answer`.')
    expect(model.requests[0]?.messages.at(-1)?.content).toContain('starting with the field `[[ ## reasoning ## ]]`, then `[[ ## answer ## ]]`')
  })
})

describe('saved programs', () => {
  const BasicQA = Signature.create({
    name: 'BasicQA',
    instructions: 'Answer questions with short factoid answers.',
    fields: { question: InputField(t.string()), answer: OutputField(t.string(), { desc: 'often between 1 and 5 words' }) },
  })

  it('loads DSPy’s saved ChainOfThought and saves the same file', async () => {
    const cot = new ChainOfThought(BasicQA)
    await cot.load(join(savedDirectory, 'saved_cot.json'))
    expect(cot.predict.demos).toHaveLength(2)
    expect(cot.predict.demos[0]).toEqual({ question: '2+2?', reasoning: 'Two plus two is four.', answer: '4' })
    const output = join(await mkdtemp(join(tmpdir(), 'dspex-predict-')), 'cot.json')
    await cot.save(output)
    expect(await readFile(output, 'utf8')).toBe(await readFile(join(savedDirectory, 'saved_cot.json'), 'utf8'))
  })

  it('loads DSPy’s saved Predict and produces the same prompt after a round trip', async () => {
    const predict = new Predict('question -> answer')
    await predict.load(join(savedDirectory, 'saved_predict.json'))
    const output = join(await mkdtemp(join(tmpdir(), 'dspex-predict-')), 'predict.json')
    await predict.save(output)
    expect(await readFile(output, 'utf8')).toBe(await readFile(join(savedDirectory, 'saved_predict.json'), 'utf8'))
    const before = new ScriptedLM([{ answer: 'a' }])
    const after = new ScriptedLM([{ answer: 'a' }])
    await predict.call({ question: 'q' }, { lm: lmFor(before) })
    const reloaded = new Predict('question -> answer')
    await reloaded.load(output)
    await reloaded.call({ question: 'q' }, { lm: lmFor(after) })
    expect(after.requests[0]?.messages).toEqual(before.requests[0]?.messages)
  })

  it('names the first bad key of malformed state and leaves the program unchanged', () => {
    const predict = new Predict('question -> answer')
    predict.demos = [{ question: 'q', answer: 'a' }]
    expect(() => predict.loadState({ demos: 'nope', signature: predict.signature.dumpState() })).toThrow('demos must be an array')
    expect(() => predict.loadState({ demos: [], signature: { instructions: 3 } })).toThrow('signature.instructions must be a string')
    expect(predict.demos).toEqual([{ question: 'q', answer: 'a' }])
  })
})

describe('Predict without completions', () => {
  /** A model whose every reply is a 200 with an empty `choices`. */
  function emptyModel(): LanguageModel & { calls: number } {
    return {
      specificationVersion: 'v1',
      provider: 'fake',
      modelId: 'empty',
      capabilities: { structuredOutputs: false, jsonMode: false, toolCalling: false, reasoning: false, images: false },
      calls: 0,
      async generate(): Promise<GenerateResult> {
        this.calls += 1
        return { choices: [], usage: { promptTokens: 10, completionTokens: 0, totalTokens: 10 } }
      },
      async *stream() {
        yield* []
      },
    }
  }

  it('fails the call with predict-no-completions instead of returning a Prediction without outputs', async () => {
    const model = emptyModel()
    const cache = new Cache()
    const lm = new LM(model, { responseCache: cache })
    const predict = new Predict('question -> answer, confidence: float', { lm })
    const failure = await predict.call({ question: 'q' }).catch((error: unknown) => error)
    expect(PredictError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'predict-no-completions' })
    expect((failure as Error).message).toContain('The LM fake/empty answered with no completions')
    expect((failure as Error).message).toContain('no value for answer, confidence')
    expect(cache.memorySize).toBe(0)
    await expect(predict.call({ question: 'q' })).rejects.toMatchObject({ code: 'predict-no-completions' })
    expect(model.calls).toBe(2)
  })
})

describe('Predict.loadState with a bad LM state', () => {
  it('names lm.<key> and keeps the LMStateError as the cause', () => {
    const predict = new Predict('question -> answer')
    const state = { ...predict.dumpState(), lm: { model: 'openai/gpt-4o-mini', temperature: 'hot' } }
    const failure = (() => {
      try {
        predict.loadState(state)
      } catch (error) {
        return error as PredictError
      }
    })()
    expect(failure).toMatchObject({ code: 'predict-state' })
    expect(failure?.message).toBe(
      'Invalid saved predictor state at lm.temperature: Invalid saved LM state at temperature: expected a number, got the string "hot".',
    )
    expect(LMStateError.isInstance(failure?.cause)).toBe(true)
    expect(predict.lm).toBeNull()
  })

  it('names the key inside a program, for num_retries and model_type too', () => {
    class Program extends Module {
      qa = new Predict('question -> answer')
      protected forward(): Prediction {
        return new Prediction({})
      }
    }
    for (const [key, value] of [
      ['num_retries', 'x'],
      ['cache', 42],
      ['model_type', 'responses'],
      ['max_tokens', 'many'],
    ] as const) {
      const program = new Program()
      const saved = program.dumpState() as Record<string, Record<string, unknown>>
      const failure = (() => {
        try {
          program.loadState({ qa: { ...saved.qa, lm: { model: 'openai/gpt-4o-mini', [key]: value } } })
        } catch (error) {
          return error
        }
      })()
      expect(StateLoadError.isInstance(failure)).toBe(true)
      expect(failure).toMatchObject({ path: ['qa'] })
      expect((failure as Error).message).toContain(`Invalid saved predictor state at lm.${key}: `)
    }
  })
})
