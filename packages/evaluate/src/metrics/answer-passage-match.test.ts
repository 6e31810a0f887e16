import { Example, Prediction } from '@dspex/primitives'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Metric } from '../metric.js'
import { answerPassageMatch, passageMatch } from './answer-passage-match.js'

// [answer, context, DSPy's answer_passage_match] as printed by python3.
const cases: [string | string[], string | string[], boolean][] = [
  ['Eiffel Tower', ['The Eiffel Tower is in Paris.', '...'], true],
  [['Louvre', 'Paris'], ['It is in paris, France'], true],
  ['Tower Eiffel', ['The Eiffel Tower'], false],
  ['the', ['x'], true],
  ['3.14', ['pi is 3.14 approx'], true],
  ['a', 'a string context', true],
  ['ab', 'ab', false],
]

describe('answerPassageMatch', () => {
  for (const [answer, context, expected] of cases) {
    it(`finds ${JSON.stringify(answer)} in ${JSON.stringify(context)}: ${expected}, as DSPy`, () => {
      expect(answerPassageMatch(new Example({ answer }), new Prediction({ context }))).toBe(expected)
    })
  }

  it('needs a context list and string passages', () => {
    expect(() => answerPassageMatch(new Example({ answer: 'x' }), new Prediction({}))).toThrow(
      expect.objectContaining({ code: 'metric-missing-field' }),
    )
    expect(() => answerPassageMatch(new Example({ answer: 'x' }), new Prediction({ context: 3 }))).toThrow(
      expect.objectContaining({ code: 'metric-invalid-value' }),
    )
    expect(() => passageMatch([3 as never], ['x'])).toThrow(expect.objectContaining({ code: 'metric-invalid-value' }))
  })

  it('is a Metric', () => {
    expectTypeOf(answerPassageMatch).toExtend<Metric>()
  })
})
