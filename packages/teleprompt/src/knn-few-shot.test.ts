import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { configure, defaultSettings, Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { KNNFewShot } from './knn-few-shot.js'

const qa: Record<string, string> = {
  '[geo] Capital of Peru?': 'Lima',
  '[geo] Capital of Chile?': 'Santiago',
  '[geo] Capital of Spain?': 'Madrid',
  '[math] 1 + 1?': '2',
  '[math] 2 + 3?': '5',
  '[math] 3 + 4?': '7',
  '[color] Sky?': 'blue',
  '[color] Grass?': 'green',
  '[color] Snow?': 'white',
  '[geo] Capital of France?': 'Paris',
  '[math] 5 + 5?': '10',
  '[color] Blood?': 'red',
}
const examples = Object.entries(qa).map(([question, answer]) => new Example({ question, answer }).withInputs('question'))
const trainset = examples.slice(0, 9)
const devset = examples.slice(9)
const categories = ['[geo]', '[math]', '[color]']
/** A bag-of-category embedder: one dimension per category tag found in the text. */
const categoryEmbedder = (texts: string[]): number[][] => texts.map((text) => categories.map((tag) => (text.includes(tag) ? 1 : 0)))
const metric = (example: Example, prediction: Prediction): boolean => example.get('answer') === prediction.get('answer')

const setup = () => {
  const model = createDemoSensitiveLM({ answers: qa })
  // Optimizers reset the student's LM, as DSPy does: the task LM comes from the settings.
  configure({ lm: new LM(model, { cache: false }) })
  const student = new Predict('question -> answer')
  const optimizer = new KNNFewShot({ k: 2, trainset, embedder: categoryEmbedder, metric, concurrency: 4 })
  return { model, student, optimizer }
}

const demoQuestions = (messages: readonly { role: string; content: unknown }[]): string[] =>
  messages
    .slice(1, -1)
    .filter((message) => message.role === 'user')
    .map((message) => /\[\[ ## question ## \]\]\n(.*)/.exec(String(message.content))?.[1] ?? '')

afterEach(() => configure(defaultSettings()))

describe('KNNFewShot', () => {
  it('bootstraps demos from the nearest train examples on each call, and so answers correctly where the student cannot', async () => {
    const { student, optimizer } = setup()
    const evaluate = new Evaluate({ devset, metric })
    const before = await evaluate.run(student)
    const compiled = await optimizer.compile(student)
    const after = await evaluate.run(compiled)
    expect(before.score).toBe(0)
    expect(after.score).toBe(100)
  })

  it('shows the k nearest train examples (same category) as demos, the later of equal ones first', async () => {
    const { model, student, optimizer } = setup()
    const compiled = await optimizer.compile(student)
    const nearest = await optimizer.knn.call({ question: '[math] 5 + 5?' })
    expect(nearest.map((example) => example.get('question'))).toEqual(['[math] 3 + 4?', '[math] 2 + 3?'])
    const prediction = await compiled.call({ question: '[math] 5 + 5?' })
    expect(prediction.answer).toBe('10')
    const finalRequest = model.requests.at(-1)
    expect(demoQuestions(finalRequest?.messages ?? []).sort()).toEqual(['[math] 2 + 3?', '[math] 3 + 4?'])
    // The bootstrapped demos are the teacher's traced (augmented) outputs, shown as the assistant's turns.
    expect(finalRequest?.messages.filter((message) => message.role === 'assistant').map((message) => String(message.content))).toEqual(
      expect.arrayContaining([expect.stringContaining('[[ ## answer ## ]]\n5'), expect.stringContaining('[[ ## answer ## ]]\n7')]),
    )
  })

  it('gives the same prompts for the same inputs on every compile (seeded)', async () => {
    const run = async () => {
      const { model, student, optimizer } = setup()
      await (await optimizer.compile(student)).call({ question: '[geo] Capital of France?' })
      return model.requests.map((request) => request.messages)
    }
    const first = await run()
    expect(first).toHaveLength(3)
    expect(await run()).toEqual(first)
  })

  it('never mutates the student and returns a reset copy without demos', async () => {
    const { student, optimizer } = setup()
    student.demos = [{ question: '[color] Sky?', answer: 'blue' }]
    const state = structuredClone(student.dumpState())
    const compiled = await optimizer.compile(student)
    await compiled.call({ question: '[color] Blood?' })
    expect(compiled).not.toBe(student)
    expect(student.dumpState()).toEqual(state)
    expect(compiled.demos).toEqual([])
    // A copy of the compiled program keeps the per-call retrieval.
    expect((await compiled.deepcopy().call({ question: '[color] Blood?' })).answer).toBe('red')
  })

  it('exposes its settings', () => {
    expect(setup().optimizer.getParams()).toMatchObject({ k: 2, similarity: 'cosine', concurrency: 4 })
  })
})
