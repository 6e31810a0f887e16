import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context, type Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { taggedAnswer, taggedQuestions } from './__fixtures__/tagged-questions.js'
import { BootstrapFewShotWithRandomSearch } from './bootstrap-few-shot-with-random-search.js'
import { CompileOptionsError } from './errors/compile-options-error.js'

const metric = (example: Example, prediction: Prediction): boolean => prediction.get('answer') === example.get('answer')
const trainset = taggedQuestions(24)
const valset = taggedQuestions(16, 1000)
const demoLM = (latencyMs = 0): LM => new LM(createDemoSensitiveLM({ answers: taggedAnswer, latencyMs }), { cache: false })
const indices = (demos: readonly unknown[]): number[] =>
  demos.map((demo) => Number(/question (\d+)\?/.exec(String((demo as Example).get('question')))?.[1]))
const search = (concurrency: number, extra: { stopAtScore?: number } = {}) =>
  new BootstrapFewShotWithRandomSearch({ metric, maxBootstrappedDemos: 3, maxLabeledDemos: 3, numCandidatePrograms: 6, concurrency, ...extra })

// Expected values come from DSPy's random_search.py loop replayed in Python (random.Random seeds,
// shuffles and randint) with the demo-sensitive model's rule: right iff a demo shares the category.
const pythonScores: [number, number, number[]][] = [
  [-3, 0, []],
  [-2, 37.5, [12, 13, 1]],
  [-1, 37.5, [4, 5, 9]],
  [0, 25, [11, 3, 6]],
  [1, 37.5, [11, 15, 5]],
  [2, 37.5, [15, 9, 4]],
  [3, 37.5, [16, 15, 19]],
  [4, 37.5, [10, 4, 16]],
  [5, 25, [21, 18, 10]],
]

describe('BootstrapFewShotWithRandomSearch', () => {
  it("builds and scores every seed's candidate as DSPy does, and keeps the first best (seed -2 on a tie)", async () => {
    const student = new Predict('question -> answer')
    const best = await context({ lm: demoLM() }, () => search(8).compile(student, { trainset, valset }))
    const bySeed = [...best.candidatePrograms].sort((left, right) => left.seed - right.seed)
    expect(bySeed.map(({ seed, score, program }) => [seed, score, indices(program.demos)])).toEqual(pythonScores)
    expect(best.candidatePrograms.map(({ seed }) => seed)).toEqual([-2, -1, 1, 2, 3, 4, 0, 5, -3])
    expect(best).toBe(best.candidatePrograms[0]?.program)
    expect(indices(best.demos)).toEqual([12, 13, 1])
    expect(best.candidatePrograms[0]?.subscores).toHaveLength(16)
    expect(student.demos).toEqual([])
  })

  it('chooses the same program with concurrency 1 and 32', async () => {
    const sequential = await context({ lm: demoLM(2) }, () => search(1).compile(new Predict('question -> answer'), { trainset, valset }))
    const concurrent = await context({ lm: demoLM(2) }, () => search(32).compile(new Predict('question -> answer'), { trainset, valset }))
    expect(concurrent.dumpState()).toEqual(sequential.dumpState())
    const summary = (program: typeof sequential) => program.candidatePrograms.map(({ seed, score, subscores }) => [seed, score, subscores])
    expect(summary(concurrent)).toEqual(summary(sequential))
  })

  it('raises the held-out score', async () => {
    const lm = demoLM()
    const student = new Predict('question -> answer')
    const best = await context({ lm }, () => search(16).compile(student, { trainset, valset }))
    const heldOut = new Evaluate({ devset: taggedQuestions(16, 2000), metric, concurrency: 8 })
    const before = await context({ lm }, () => heldOut.run(student))
    const after = await context({ lm }, () => heldOut.run(best))
    expect(before.score).toBe(0)
    expect(after.score).toBeGreaterThan(before.score)
  })

  it('stops at stopAtScore, in seed order, and honours restrict', async () => {
    const stopped = await context({ lm: demoLM() }, () =>
      search(16, { stopAtScore: 30 }).compile(new Predict('question -> answer'), { trainset, valset }),
    )
    expect(stopped.candidatePrograms.map(({ seed }) => seed)).toEqual([-2, -3])
    const restricted = await context({ lm: demoLM() }, () =>
      search(16).compile(new Predict('question -> answer'), { trainset, valset, restrict: [0, 5] }),
    )
    expect(restricted.candidatePrograms.map(({ seed, score }) => [seed, score])).toEqual([
      [0, 25],
      [5, 25],
    ])
    await expect(search(4).compile(new Predict('question -> answer'), { trainset, restrict: [99] })).rejects.toBeInstanceOf(CompileOptionsError)
  })

  it('scores on the trainset when no valset is given, and reports each candidate in seed order', async () => {
    const seen: number[] = []
    const best = await context({ lm: demoLM() }, () =>
      search(8).compile(new Predict('question -> answer'), { trainset, onProgress: (step) => seen.push(step.completed) }),
    )
    expect(best.candidatePrograms[0]?.subscores).toHaveLength(24)
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('rejects with the reason when aborted', async () => {
    const controller = new AbortController()
    const compiling = context({ lm: demoLM(20) }, () =>
      search(4).compile(new Predict('question -> answer'), { trainset, valset, signal: controller.signal }),
    )
    setTimeout(() => controller.abort(new Error('enough')), 30)
    await expect(compiling).rejects.toThrow('enough')
  })
})
