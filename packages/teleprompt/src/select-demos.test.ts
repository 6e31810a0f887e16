import { Predict } from '@dspex/predict'
import { Module, type Prediction } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import { taggedQuestions } from './__fixtures__/tagged-questions.js'
import { selectDemos } from './select-demos.js'

class TwoStep extends Module<{ question: string }> {
  first = new Predict('question -> answer')
  second = new Predict('question -> answer')
  protected forward(inputs: { question: string }): Promise<Prediction> {
    return this.second.call(inputs)
  }
}

describe('selectDemos', () => {
  it("puts augmented demos first, then fills with Random(0) samples, each predictor sampling the previous one's sample as DSPy does", () => {
    const pool = taggedQuestions(10)
    const program = new TwoStep()
    const augmented = taggedQuestions(3, 50)
    selectDemos(program, {
      demosByPredictor: new Map([['first', augmented]]),
      unbootstrapped: pool,
      maxBootstrappedDemos: 2,
      maxLabeledDemos: 5,
    })
    // Python: rng = random.Random(0); a = rng.sample(range(10), 3) -> [6, 9, 0]; rng.sample(a, 3) -> [9, 0, 6]
    expect(program.first.demos).toEqual([augmented[0], augmented[1], pool[6], pool[9], pool[0]])
    expect(program.second.demos).toEqual([pool[9], pool[0], pool[6]])
  })

  it('gives no labeled demos when the augmented ones reach maxLabeledDemos', () => {
    const program = new Predict('question -> answer')
    const augmented = taggedQuestions(4, 50)
    selectDemos(program, {
      demosByPredictor: new Map([['self', augmented]]),
      unbootstrapped: taggedQuestions(5),
      maxBootstrappedDemos: 4,
      maxLabeledDemos: 2,
    })
    expect(program.demos).toEqual(augmented)
  })
})
