import { describe, expectTypeOf, it } from 'vitest'
import { ChainOfThought } from './chain-of-thought.js'
import { Predict } from './predict.js'

describe('predictor static types', () => {
  it('types inputs and outputs from the signature string', () => {
    const predict = new Predict('question, k: int -> answer: list[str]')
    expectTypeOf(predict.call).parameter(0).toEqualTypeOf<{ question: string; k: number }>()
    type Result = Awaited<ReturnType<typeof predict.call>>
    expectTypeOf<Result['answer']>().toEqualTypeOf<string[]>()
    // @ts-expect-error k must be a number
    void predict.call({ question: 'q', k: 'three' })
  })

  it('adds reasoning to ChainOfThought outputs', () => {
    const cot = new ChainOfThought('question -> answer: float')
    type Result = Awaited<ReturnType<typeof cot.call>>
    expectTypeOf<Result['reasoning']>().toEqualTypeOf<string>()
    expectTypeOf<Result['answer']>().toEqualTypeOf<number>()
  })
})
