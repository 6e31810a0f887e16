import { describe, expect, it } from 'vitest'
import { HotPotF1, hotpotF1, hotpotF1Pair } from './hotpot-f1.js'

// [prediction, answers, DSPy's HotPotF1] as printed by python3.
const cases: [string, string[], number][] = [
  ['yes', ['no'], 0],
  ['yes', ['Yes.'], 1],
  ['no answer', ['noanswer'], 0],
  ['yes it is', ['yes'], 0],
  ['noanswer', ['noanswer'], 1],
  ['Eiffel Tower is in Paris', ['Paris'], 0.33333333333333337],
]

describe('hotpotF1', () => {
  for (const [prediction, answers, expected] of cases) {
    it(`scores ${JSON.stringify(prediction)} against ${JSON.stringify(answers)} as DSPy`, () => {
      expect(hotpotF1(prediction, answers)).toBe(expected)
    })
  }

  it("takes the best answer and keeps DSPy's name", () => {
    expect(hotpotF1('no', ['yes', 'No'])).toBe(1)
    expect(hotpotF1Pair('no', 'yes')).toBe(0)
    expect(HotPotF1).toBe(hotpotF1)
  })
})
