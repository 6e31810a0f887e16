import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context, type Example, Module, type Prediction } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { taggedQuestions } from './__fixtures__/tagged-questions.js'
import { collectTraces } from './collect-traces.js'

class Twice extends Module<{ question: string }> {
  step = new Predict('question -> answer')
  protected async forward(inputs: { question: string }): Promise<Prediction> {
    await this.step.call({ question: `${inputs.question} (draft)` })
    return this.step.call(inputs)
  }
}

const base = { teacherSettings: {}, maxRounds: 1, maxErrors: 10, concurrency: 4 }

describe('collectTraces', () => {
  it('turns each traced call of an accepted run into an augmented demo, in trainset order', async () => {
    const lm = new LM(new ScriptedLM((_request, index) => ({ answer: `a${index}` })), { cache: false })
    const trainset = taggedQuestions(6)
    const metric = (example: Example) => example.get('question') !== trainset[1]?.get('question')
    const collected = await context({ lm }, () =>
      collectTraces({ ...base, teacher: new Predict('question -> answer'), trainset, metric, maxBootstraps: 3, concurrency: 1 }),
    )
    expect([...collected.bootstrapped]).toEqual([0, 2, 3])
    expect(collected.attempts).toBe(4)
    expect(collected.demosByPredictor.get('self')?.map((demo) => demo.toDict())).toEqual([
      { augmented: true, question: trainset[0]?.get('question'), answer: 'a0' },
      { augmented: true, question: trainset[2]?.get('question'), answer: 'a2' },
      { augmented: true, question: trainset[3]?.get('question'), answer: 'a3' },
    ])
  })

  it('keeps one demo, chosen deterministically, when a predictor ran several times in one run', async () => {
    const run = () =>
      context({ lm: new LM(new ScriptedLM(() => ({ answer: 'x' })), { cache: false }) }, () =>
        collectTraces({ ...base, teacher: new Twice(), trainset: taggedQuestions(3), maxBootstraps: 3 }),
      )
    const [first, second] = [await run(), await run()]
    const demos = first.demosByPredictor.get('step') ?? []
    expect(demos).toHaveLength(3)
    expect(demos.map((demo) => demo.toDict())).toEqual((second.demosByPredictor.get('step') ?? []).map((demo) => demo.toDict()))
  })

  it('does nothing when maxBootstraps is 0', async () => {
    const collected = await collectTraces({ ...base, teacher: new Predict('question -> answer'), trainset: taggedQuestions(3), maxBootstraps: 0 })
    expect(collected).toMatchObject({ attempts: 0, errors: 0 })
    expect(collected.bootstrapped.size).toBe(0)
  })
})
