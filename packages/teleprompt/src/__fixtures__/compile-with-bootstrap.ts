import { join } from 'node:path'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { ChainOfThought } from '@dspex/predict'
import { configure, Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM } from '@dspex/testing'
import { BootstrapFewShot } from '../index.js'

/** Examples `[topic] question N?` → `answer-N`, over eight topics. */
function questions(count: number, start: number): Example[] {
  const topics = ['geo', 'math', 'chem', 'art', 'bio', 'music', 'law', 'sport']
  return Array.from({ length: count }, (_, offset) => {
    const index = start + offset
    return new Example({ question: `[${topics[index % 8]}] question ${index}?`, answer: `answer-${index}` }).withInputs('question')
  })
}

/** Compiles a ChainOfThought program with BootstrapFewShot offline, evaluates it before and after, and saves it. */
export async function compileWithBootstrap(directory: string): Promise<{ before: number; after: number; demos: number }> {
  // An offline "model" that answers right only when the prompt shows a demo of the question's topic.
  const model = createDemoSensitiveLM({ answers: (question) => question.replace(/^.*question (\d+)\?$/, 'answer-$1') })
  configure({ lm: new LM(model, { cache: false }) })

  const trainset = questions(24, 0)
  const devset = questions(40, 100)
  const metric = (example: Example, prediction: Prediction) => prediction.get('answer') === example.get('answer')
  const evaluate = new Evaluate({ devset, metric, concurrency: 16 })

  const program = new ChainOfThought('question -> answer')
  const optimizer = new BootstrapFewShot({ metric, maxBootstrappedDemos: 4, maxLabeledDemos: 4, concurrency: 8 })
  const compiled = await optimizer.compile(program, { trainset })

  const before = await evaluate.run(program) // 0: no demos, every answer is wrong
  const after = await evaluate.run(compiled) // 50: four demos cover four of the eight topics
  await compiled.save(join(directory, 'qa-program.json'))
  return { before: before.score, after: after.score, demos: compiled.predict.demos.length }
}
