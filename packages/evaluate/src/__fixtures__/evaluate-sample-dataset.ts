import { LM } from '@dspex/lm'
import { ChainOfThought } from '@dspex/predict'
import { configure } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { answerExactMatch, Evaluate, type EvaluationResult, loadSampleDataset } from '../index.js'

/** Evaluates a ChainOfThought program on the bundled sample dataset, offline: a scripted LM plays the model. */
export async function evaluateSampleDataset(write?: (text: string) => void): Promise<EvaluationResult> {
  const devset = await loadSampleDataset()
  // The scripted "model" knows every answer but one, so the score is not quite 100.
  const answers = Object.fromEntries(devset.map((example) => [example.question, { reasoning: 'I know this.', answer: example.answer }]))
  answers['What is the capital of France?'] = { reasoning: 'A big French city.', answer: 'Lyon' }
  configure({ lm: new LM(new ScriptedLM(answers), { cache: false }) })

  const evaluate = new Evaluate({ devset, metric: answerExactMatch, concurrency: 16, displayTable: 3, write })
  const result = await evaluate.run(new ChainOfThought('question -> answer'))
  // result.score is 98.33; result.results[1] holds the wrong 'Lyon' prediction and its score 0.
  return result
}
