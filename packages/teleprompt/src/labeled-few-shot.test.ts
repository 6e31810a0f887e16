import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context, type Example, Module, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { taggedAnswer, taggedQuestions } from './__fixtures__/tagged-questions.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { LabeledFewShot } from './labeled-few-shot.js'

class TwoStep extends Module<{ question: string }> {
  first = new Predict('question -> answer')
  second = new Predict('question -> answer')
  protected async forward(inputs: { question: string }): Promise<Prediction> {
    await this.first.call(inputs)
    return this.second.call(inputs)
  }
}

const questionsOf = (demos: readonly unknown[]): unknown[] => demos.map((demo) => (demo as Example).get('question'))
const metric = (example: Example, prediction: Prediction): boolean => prediction.get('answer') === example.get('answer')

describe('LabeledFewShot', () => {
  const trainset = taggedQuestions(24)

  it('picks the demos DSPy picks: random.Random(0).sample(range(24), 5) is [12, 13, 1, 8, 16]', async () => {
    const compiled = await new LabeledFewShot({ k: 5 }).compile(new Predict('question -> answer'), { trainset })
    expect(compiled.demos).toEqual([12, 13, 1, 8, 16].map((index) => trainset[index]))
  })

  it('samples with another seed when given one: random.Random(7).sample(range(24), 5) is [10, 4, 12, 20, 1]', async () => {
    const compiled = await new LabeledFewShot({ k: 5, seed: 7 }).compile(new Predict('question -> answer'), { trainset })
    expect(compiled.demos).toEqual([10, 4, 12, 20, 1].map((index) => trainset[index]))
  })

  it('shares one generator across predictors, as DSPy: [12, 13, 1] then [8, 16, 15]', async () => {
    const compiled = await new LabeledFewShot({ k: 3 }).compile(new TwoStep(), { trainset })
    expect(questionsOf(compiled.first.demos)).toEqual(questionsOf([12, 13, 1].map((index) => trainset[index])))
    expect(questionsOf(compiled.second.demos)).toEqual(questionsOf([8, 16, 15].map((index) => trainset[index])))
  })

  it('takes the first k with sample: false, and all examples when k exceeds them', async () => {
    const first = await new LabeledFewShot({ k: 3 }).compile(new Predict('question -> answer'), { trainset, sample: false })
    expect(first.demos).toEqual(trainset.slice(0, 3))
    const all = await new LabeledFewShot({ k: 100 }).compile(new Predict('question -> answer'), { trainset: trainset.slice(0, 4) })
    expect(all.demos).toHaveLength(4)
  })

  it('returns a reset copy and leaves the student untouched', async () => {
    const student = new Predict('question -> answer')
    student.demos = [{ question: 'old', answer: 'old' }]
    const compiled = await new LabeledFewShot({ k: 2 }).compile(student, { trainset })
    expect(compiled).not.toBe(student)
    expect(student.demos).toEqual([{ question: 'old', answer: 'old' }])
    expect(compiled.demos).toHaveLength(2)
    const empty = await new LabeledFewShot().compile(student, { trainset: [] })
    expect(empty.demos).toEqual([])
  })

  it('raises the held-out score with the demo-sensitive LM', async () => {
    const lm = new LM(createDemoSensitiveLM({ answers: taggedAnswer }), { cache: false })
    const evaluate = new Evaluate({ devset: taggedQuestions(16, 100), metric, concurrency: 8 })
    const student = new Predict('question -> answer')
    const compiled = await new LabeledFewShot({ k: 4 }).compile(student, { trainset })
    const before = await context({ lm }, () => evaluate.run(student))
    const after = await context({ lm }, () => evaluate.run(compiled))
    expect(before.score).toBe(0)
    // demos 12, 13, 1, 8 cover bio, music, math, geo: 4 of the 8 categories of the held-out set
    expect(after.score).toBe(50)
  })

  it('rejects a bad k, and an aborted signal with its reason', async () => {
    expect(() => new LabeledFewShot({ k: -1 })).toThrow(CompileOptionsError)
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(new LabeledFewShot().compile(new Predict('question -> answer'), { trainset, signal: controller.signal })).rejects.toThrow('stop')
  })

  it('reports progress and its params', async () => {
    const steps: string[] = []
    await new LabeledFewShot({ k: 2 }).compile(new Predict('question -> answer'), { trainset, onProgress: (step) => steps.push(step.phase) })
    expect(steps).toEqual(['labeled-demos'])
    expect(new LabeledFewShot({ k: 2 }).getParams()).toEqual({ k: 2, seed: 0 })
  })
})
