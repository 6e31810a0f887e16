import { describe, expect, it } from 'vitest'
import { MetricError } from '../errors/metric-error.js'
import { F1, f1Score, f1ScorePair, precisionScore, sharedTokenCount } from './f1-score.js'

// [prediction, answers, DSPy's F1] as printed by python3.
const cases: [string, string[], number][] = [
  ['Eiffel Tower is in Paris', ['Paris'], 0.33333333333333337],
  ['the the cat cat', ['cat the cat'], 1.0],
  ['a b c', ['x', 'b c d', 'c'], 0.8],
  ['', [''], 0],
  ['the', ['a'], 0],
  ['New York City', ['new york', 'York'], 0.8],
]

describe('f1Score', () => {
  for (const [prediction, answers, expected] of cases) {
    it(`scores ${JSON.stringify(prediction)} against ${JSON.stringify(answers)} as DSPy`, () => {
      expect(f1Score(prediction, answers)).toBe(expected)
    })
  }

  it('counts shared tokens as multisets and computes precision like DSPy', () => {
    expect(sharedTokenCount(['a', 'a', 'b'], ['a', 'b', 'b'])).toBe(2)
    expect(precisionScore('eiffel tower in paris', 'eiffel tower')).toBe(0.5)
    expect(f1ScorePair('the Eiffel Tower', 'Eiffel Tower')).toBe(1)
    expect(F1).toBe(f1Score)
  })

  it('rejects answers that are not a non-empty list', () => {
    expect(() => f1Score('x', [])).toThrow(MetricError)
  })
})
