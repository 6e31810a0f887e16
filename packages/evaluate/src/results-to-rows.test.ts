import { Example, Prediction } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import type { EvaluatedExample } from './evaluation-result.js'
import { metricName, resultsToRows } from './results-to-rows.js'

const newExample = (question: string, answer: string) => new Example({ question, answer }).withInputs('question')
const evaluated = (example: Example, prediction: unknown, score: number): EvaluatedExample<unknown> => ({
  example,
  prediction,
  score,
  error: undefined,
})

describe('resultsToRows', () => {
  it('merges example and prediction, prefixing shared keys (DSPy test_construct_result_df)', () => {
    const rows = resultsToRows(
      [
        evaluated(newExample('What is 1+1?', '2'), new Prediction({ answer: '2' }), 100),
        evaluated(newExample('What is 2+2?', '4'), { answer: '4' }, 100),
        evaluated(newExample('What is 3+3?', '-1'), new Prediction({ answer: '-1' }), 0),
      ],
      'answer_exact_match',
    )
    expect(rows).toEqual([
      { question: 'What is 1+1?', example_answer: '2', pred_answer: '2', answer_exact_match: 100 },
      { question: 'What is 2+2?', example_answer: '4', pred_answer: '4', answer_exact_match: 100 },
      { question: 'What is 3+3?', example_answer: '-1', pred_answer: '-1', answer_exact_match: 0 },
    ])
  })

  it('keeps non-shared prediction keys and puts a non-record prediction under `prediction`', () => {
    const example = newExample('q', 'a')
    expect(resultsToRows([evaluated(example, new Prediction({ reasoning: 'r', answer: 'a' }), 1)], 'm')).toEqual([
      { question: 'q', example_answer: 'a', reasoning: 'r', pred_answer: 'a', m: 1 },
    ])
    expect(resultsToRows([evaluated(example, 'just text', 0)], 'm')).toEqual([{ question: 'q', answer: 'a', prediction: 'just text', m: 0 }])
    expect(resultsToRows([evaluated(example, new Map([['answer', 'a']]), 0)], 'm')).toEqual([
      { question: 'q', answer: 'a', prediction: new Map([['answer', 'a']]), m: 0 },
    ])
  })
})

describe('metricName', () => {
  it("is the metric function's name, or `metric`", () => {
    function answer_exact_match(): boolean {
      return true
    }
    const exactMatch = (): boolean => true
    expect(metricName(answer_exact_match)).toBe('answer_exact_match')
    expect(metricName(exactMatch)).toBe('exactMatch')
    expect(metricName([() => 1][0])).toBe('metric')
    expect(metricName(undefined)).toBe('metric')
  })
})
