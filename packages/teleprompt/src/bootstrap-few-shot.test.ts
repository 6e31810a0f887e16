import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { ChainOfThought, Predict } from '@dspex/predict'
import { context, type Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM, ScriptedLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { taggedAnswer, taggedQuestions } from './__fixtures__/tagged-questions.js'
import { BootstrapFewShot } from './bootstrap-few-shot.js'
import { BootstrapError } from './errors/bootstrap-error.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import type { CompileProgress } from './teleprompter.js'

const metric = (example: Example, prediction: Prediction): boolean => prediction.get('answer') === example.get('answer')
const trainset = taggedQuestions(24)
const demoLM = (latencyMs?: number): LM =>
  new LM(createDemoSensitiveLM({ answers: taggedAnswer, ...(latencyMs === undefined ? {} : { latencyMs }) }), { cache: false })
/** Each demo as [augmented?, question]. */
const described = (demos: readonly unknown[]): [boolean, unknown][] =>
  demos.map((demo) => [(demo as Example).get('augmented') === true, (demo as Example).get('question')])
const train = (index: number): unknown => trainset[index]?.get('question')

describe('BootstrapFewShot', () => {
  it("picks DSPy's demos (checked against DSPy's algorithm run in Python): augmented 0, 4, 5 then labeled 7, 23", async () => {
    const optimizer = new BootstrapFewShot({ metric, maxBootstrappedDemos: 3, maxLabeledDemos: 5 })
    const compiled = await context({ lm: demoLM() }, () => optimizer.compile(new Predict('question -> answer'), { trainset }))
    expect(described(compiled.demos)).toEqual([
      [true, train(0)],
      [true, train(4)],
      [true, train(5)],
      [false, train(7)],
      [false, train(23)],
    ])
    expect((compiled.demos[0] as Example).toDict()).toEqual({ augmented: true, question: train(0), answer: 'answer-0' })
    expect(compiled.compiled).toBe(true)
  })

  it('gives the same program with concurrency 1 and 16 (successes past the cutoff are discarded); DSPy (Python) picks 0, 4', async () => {
    const run = (concurrency: number) =>
      context({ lm: demoLM(3) }, () =>
        new BootstrapFewShot({ metric, maxBootstrappedDemos: 2, maxLabeledDemos: 6, concurrency }).compile(new ChainOfThought('question -> answer'), {
          trainset,
        }),
      )
    const [sequential, concurrent] = [await run(1), await run(16)]
    expect(concurrent.dumpState()).toEqual(sequential.dumpState())
    expect(described(concurrent.predict.demos).slice(0, 2)).toEqual([
      [true, train(0)],
      [true, train(4)],
    ])
  })

  it('raises the held-out score of a ChainOfThought program', async () => {
    const lm = demoLM()
    const student = new ChainOfThought('question -> answer')
    const compiled = await context({ lm }, () =>
      new BootstrapFewShot({ metric, maxBootstrappedDemos: 2, maxLabeledDemos: 2 }).compile(student, { trainset }),
    )
    // bootstrapped from examples 4 and 5 (teacher demos 12 and 13 share their categories), as DSPy would
    expect(described(compiled.predict.demos)).toEqual([
      [true, train(4)],
      [true, train(5)],
    ])
    expect((compiled.predict.demos[0] as Example).get('reasoning')).toBe('Looking for a demo tagged [bio].')
    const evaluate = new Evaluate({ devset: taggedQuestions(16, 100), metric, concurrency: 8 })
    const before = await context({ lm }, () => evaluate.run(student))
    const after = await context({ lm }, () => evaluate.run(compiled))
    expect(before.score).toBe(0)
    expect(after.score).toBe(25)
    expect(student.predict.demos).toEqual([])
    expect(student.compiled).toBe(false)
  })

  it('saves and loads a compiled program that then sends the same prompt', async () => {
    const lm = demoLM()
    const compiled = await context({ lm }, () =>
      new BootstrapFewShot({ metric, maxBootstrappedDemos: 2, maxLabeledDemos: 4 }).compile(new ChainOfThought('question -> answer'), { trainset }),
    )
    const directory = await mkdtemp(join(tmpdir(), 'dspex-teleprompt-'))
    try {
      await compiled.save(join(directory, 'program.json'))
      const loaded = await new ChainOfThought('question -> answer').load(join(directory, 'program.json'))
      const model = new ScriptedLM(() => ({ reasoning: 'r', answer: 'a' }))
      await context({ lm: new LM(model, { cache: false }) }, async () => {
        await compiled.call({ question: '[geo] question 200?' })
        await loaded.call({ question: '[geo] question 200?' })
      })
      expect(model.requests).toHaveLength(2)
      expect(model.requests[1]?.messages).toEqual(model.requests[0]?.messages)
      expect(model.requests[0]?.messages).toHaveLength(1 + 2 * 4 + 1)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('keeps every run without a metric, and uses metricThreshold on numeric metrics', async () => {
    const all = await context({ lm: demoLM() }, () =>
      new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }).compile(new Predict('question -> answer'), { trainset }),
    )
    expect(described(all.demos)).toEqual([
      [true, train(0)],
      [true, train(1)],
    ])
    const numeric = (example: Example, prediction: Prediction): number => (metric(example, prediction) ? 0.9 : 0.2)
    const strict = await context({ lm: demoLM() }, () =>
      new BootstrapFewShot({ metric: numeric, metricThreshold: 0.95, maxBootstrappedDemos: 2, maxLabeledDemos: 2 }).compile(
        new Predict('question -> answer'),
        { trainset },
      ),
    )
    expect(described(strict.demos).every(([augmented]) => !augmented)).toBe(true)
  })

  it('retries failed examples in later rounds with lm.copy({ rolloutId, temperature: 1 })', async () => {
    const model = createDemoSensitiveLM({ answers: taggedAnswer })
    await context({ lm: new LM(model, { cache: false }) }, () =>
      new BootstrapFewShot({ metric, maxBootstrappedDemos: 1, maxLabeledDemos: 2, maxRounds: 2, concurrency: 1 }).compile(
        new Predict('question -> answer'),
        { trainset },
      ),
    )
    // example 0 fails twice (round 0, then round 1 at temperature 1), example 1 twice, ... until example 4 succeeds
    expect(model.requests.map((request) => request.temperature ?? null)).toEqual([null, 1, null, 1, null, 1, null, 1, null])
  })

  it('counts errors in trainset order and throws a BootstrapError at maxErrors', async () => {
    const failing = new LM(new ScriptedLM(() => 'not a chat reply'), { cache: false })
    const warnings: string[] = []
    const logger = { warn: (message: string) => warnings.push(message) }
    const compile = (maxErrors: number) =>
      context({ lm: failing, logger }, () =>
        new BootstrapFewShot({ metric, maxErrors, maxBootstrappedDemos: 2, concurrency: 8 }).compile(new Predict('question -> answer'), {
          trainset: trainset.slice(0, 5),
        }),
      )
    const error = await compile(3).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BootstrapError)
    expect((error as BootstrapError).errorCount).toBe(3)
    expect((error as BootstrapError).message).toContain('train example 2')
    expect(warnings).toHaveLength(2)
    const survived = await compile(10)
    expect(described(survived.demos).every(([augmented]) => !augmented)).toBe(true)
  })

  it('rejects a compiled student, a mismatched teacher and bad options', async () => {
    const compiled = new Predict('question -> answer')
    compiled.compiled = true
    await expect(new BootstrapFewShot().compile(compiled, { trainset })).rejects.toMatchObject({ code: 'compile-student-compiled' })
    await expect(
      new BootstrapFewShot().compile(new Predict('question -> answer'), { trainset, teacher: new Predict('question -> summary') }),
    ).rejects.toMatchObject({ code: 'compile-teacher-mismatch' })
    expect(() => new BootstrapFewShot({ concurrency: 0 })).toThrow(CompileOptionsError)
    expect(() => new BootstrapFewShot({ maxRounds: 0 })).toThrow(CompileOptionsError)
  })

  it('uses a given teacher with its own demos when it is compiled', async () => {
    const teacher = new Predict('question -> answer')
    teacher.demos = [trainset[2] as Example]
    teacher.compiled = true
    const compiled = await context({ lm: demoLM() }, () =>
      new BootstrapFewShot({ metric, maxBootstrappedDemos: 1, maxLabeledDemos: 1 }).compile(new Predict('question -> answer'), { trainset, teacher }),
    )
    expect(described(compiled.demos)).toEqual([[true, train(10)]])
    expect(teacher.demos).toEqual([trainset[2]])
  })

  it('stops on abort with the reason, and reports progress in trainset order', async () => {
    const controller = new AbortController()
    const progress: CompileProgress[] = []
    const compiling = context({ lm: demoLM(20) }, () =>
      new BootstrapFewShot({ metric, concurrency: 2 }).compile(new Predict('question -> answer'), {
        trainset,
        signal: controller.signal,
        onProgress: (step) => {
          progress.push(step)
          if (step.completed === 3) controller.abort(new Error('user stopped'))
        },
      }),
    )
    await expect(compiling).rejects.toThrow('user stopped')
    expect(progress.map((step) => step.completed)).toEqual([1, 2, 3])
    expect(progress[0]).toMatchObject({ phase: 'bootstrap', total: 24 })
  })
})
