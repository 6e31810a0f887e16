import { describe, expectTypeOf, it } from 'vitest'
import { Example } from './example.js'
import { Module } from './module.js'
import { type Completions, Prediction } from './prediction.js'

describe('Example typing', () => {
  it('types fields from the data', () => {
    const example = new Example({ question: 'q', k: 3 })
    expectTypeOf(example.question).toEqualTypeOf<string>()
    expectTypeOf(example.k).toEqualTypeOf<number>()
    expectTypeOf(example.get('question')).toEqualTypeOf<string | undefined>()
    expectTypeOf(example.get('k', 0)).toEqualTypeOf<number>()
    expectTypeOf(example.unknownField).toEqualTypeOf<unknown>()
  })

  it('tracks input keys through withInputs, inputs and labels', () => {
    const example = new Example({ question: 'q', answer: 'a' }).withInputs('question')
    expectTypeOf(example).toEqualTypeOf<Example<{ question: string; answer: string }, 'question'>>()
    expectTypeOf(example.inputs().question).toEqualTypeOf<string>()
    expectTypeOf(example.inputs().answer).toEqualTypeOf<unknown>()
    expectTypeOf(example.labels().answer).toEqualTypeOf<string>()
    expectTypeOf(example.labels().question).toEqualTypeOf<unknown>()
  })

  it('types copies, overrides and removals', () => {
    const example = new Example({ question: 'q', answer: 'a' })
    expectTypeOf(example.copy({ answer: 1 }).answer).toEqualTypeOf<number>()
    expectTypeOf(example.without('answer').answer).toEqualTypeOf<unknown>()
    expectTypeOf(example.without('answer').question).toEqualTypeOf<string>()
    expectTypeOf(new Example(example, { extra: true }).extra).toEqualTypeOf<boolean>()
  })

  it('keeps method names as methods', () => {
    const example = new Example({ keys: 'k' })
    expectTypeOf(example.keys).toBeFunction()
  })

  it('lets a specific example or prediction stand where a general one is expected', () => {
    const metric = (example: Example, prediction: Prediction): boolean => example.answer === prediction.answer
    expectTypeOf(metric).toBeCallableWith(new Example({ question: 'q', answer: 'a' }).withInputs('question'), new Prediction({ answer: 'a' }))
  })

  it('types predictions from completions', () => {
    const prediction = Prediction.fromCompletions([{ answer: 'a', score: 1 }])
    expectTypeOf(prediction.answer).toEqualTypeOf<string>()
    expectTypeOf(prediction.completions).toEqualTypeOf<Completions<{ answer: string; score: number }> | undefined>()
    expectTypeOf(prediction.completions?.field('score')).toEqualTypeOf<number[] | undefined>()
    expectTypeOf(prediction.completions?.at(0).answer).toEqualTypeOf<string | undefined>()
  })

  it('types module calls and batches', () => {
    class Echo extends Module<{ question: string }, Prediction<{ answer: string }>> {
      protected forward(inputs: { question: string }): Prediction<{ answer: string }> {
        return new Prediction({ answer: inputs.question })
      }
    }
    const echo = new Echo()
    expectTypeOf(echo.call({ question: 'q' })).resolves.toEqualTypeOf<Prediction<{ answer: string }>>()
    expectTypeOf(echo.call).parameter(0).toEqualTypeOf<{ question: string }>()
    const examples = [new Example({ question: 'q', answer: 'a' }).withInputs('question')]
    expectTypeOf(echo.batch(examples)).resolves.toHaveProperty('results').toEqualTypeOf<readonly (Prediction<{ answer: string }> | undefined)[]>()
  })
})
