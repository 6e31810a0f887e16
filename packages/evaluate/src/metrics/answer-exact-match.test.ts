import { Example, Prediction } from '@dspex/primitives'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { MetricError } from '../errors/metric-error.js'
import type { Metric } from '../metric.js'
import { answerExactMatch } from './answer-exact-match.js'

const example = (answer: unknown) => new Example({ question: 'What is 1+1?', answer }).withInputs('question')

describe('answerExactMatch', () => {
  it('matches a string answer (DSPy test_answer_exact_match_string / _no_match)', () => {
    expect(answerExactMatch(example('2'), new Prediction({ answer: '2' }))).toBe(true)
    expect(answerExactMatch(example('2'), new Prediction({ answer: '3' }))).toBe(false)
  })

  it('matches any answer of a list (DSPy test_answer_exact_match_list)', () => {
    expect(answerExactMatch(example(['2', 'two']), new Prediction({ answer: 'Two.' }))).toBe(true)
  })

  it('uses F1 against frac when frac < 1, EM otherwise', () => {
    const gold = example(['Eiffel Tower', 'Louvre'])
    expect(answerExactMatch(gold, new Prediction({ answer: 'The Eiffel Tower' }))).toBe(true)
    expect(answerExactMatch(gold, new Prediction({ answer: 'Tower' }))).toBe(false)
    expect(answerExactMatch(gold, new Prediction({ answer: 'Tower' }), undefined, { frac: 0.5 })).toBe(true)
    expect(answerExactMatch(gold, new Prediction({ answer: 'Tower' }), undefined, { frac: 0.7 })).toBe(false)
    expect(answerExactMatch(gold, new Prediction({ answer: 'Tower' }), [], { frac: 1.5 })).toBe(false)
  })

  it('raises typed errors where DSPy raises', () => {
    expect(() => answerExactMatch(example(2), new Prediction({ answer: '2' }))).toThrow(
      expect.objectContaining({ code: 'metric-invalid-answer-type', field: 'answer' }),
    )
    expect(() => answerExactMatch(example([]), new Prediction({ answer: '2' }))).toThrow(expect.objectContaining({ code: 'metric-invalid-answers' }))
    expect(() => answerExactMatch(new Example({ question: 'q' }), new Prediction({ answer: '2' }))).toThrow(MetricError)
    expect(() => answerExactMatch(example('2'), new Prediction({ response: '2' }))).toThrow(expect.objectContaining({ code: 'metric-missing-field' }))
    expect(() => answerExactMatch(example('2'), new Prediction({ answer: 2 }))).toThrow(expect.objectContaining({ code: 'metric-invalid-value' }))
  })

  it('is a Metric', () => {
    expectTypeOf(answerExactMatch).toExtend<Metric>()
    expectTypeOf(answerExactMatch).toExtend<Metric<{ question: string; answer: string }, { answer: string }>>()
  })
})
