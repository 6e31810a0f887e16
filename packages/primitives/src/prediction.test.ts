import { Signature } from '@dspex/signatures'
import { describe, expect, it } from 'vitest'
import { PredictionError } from './errors/prediction-error.js'
import { Example } from './example.js'
import { Completions, isPrediction, Prediction } from './prediction.js'

describe('Prediction', () => {
  it('is an example without input keys, with fields as properties', () => {
    const prediction = new Prediction({ answer: 'Paris', score: 0.5 })
    expect(prediction.answer).toBe('Paris')
    expect(prediction).toBeInstanceOf(Example)
    expect(prediction.inputKeys).toBeUndefined()
    expect(isPrediction(prediction)).toBe(true)
    expect(isPrediction(new Example({ answer: 'x' }))).toBe(false)
  })

  it('builds from a list of completions, exposing the first', () => {
    const signature = Signature.parse('question -> answer')
    const prediction = Prediction.fromCompletions([{ answer: 'Paris' }, { answer: 'Lyon' }], signature)
    expect(prediction.answer).toBe('Paris')
    expect(prediction.completions?.length).toBe(2)
    expect(prediction.completions?.field('answer')).toEqual(['Paris', 'Lyon'])
    expect(prediction.completions?.signature).toBe(signature)
  })

  it('builds from columns', () => {
    const prediction = Prediction.fromCompletions({ answer: ['a', 'b'], reasoning: ['r1', 'r2'] })
    expect(prediction.toDict()).toEqual({ answer: 'a', reasoning: 'r1' })
  })

  it('reprs like DSPy, with and without omitted completions', () => {
    expect(new Prediction({ answer: 'Paris', score: 1 }).toString()).toBe("Prediction(\n    answer='Paris',\n    score=1\n)")
    expect(Prediction.fromCompletions([{ answer: 'a' }]).toString()).toBe("Prediction(\n    answer='a'\n)")
    expect(Prediction.fromCompletions([{ answer: 'a' }, { answer: 'b' }, { answer: 'c' }]).toString()).toBe(
      "Prediction(\n    answer='a',\n    completions=Completions(...)\n) (2 completions omitted)",
    )
  })

  it('gets and sets LM usage', () => {
    const prediction = new Prediction({ answer: 'x' })
    expect(prediction.getLMUsage()).toBeUndefined()
    prediction.setLMUsage({ 'openai/gpt-4o-mini': { prompt_tokens: 3 } })
    expect(prediction.getLMUsage()).toEqual({ 'openai/gpt-4o-mini': { prompt_tokens: 3 } })
  })

  it('does arithmetic and comparisons through the score, as float(prediction) does', () => {
    const high = new Prediction({ score: 0.75 })
    const low = new Prediction({ score: 0.25 })
    expect(high.toNumber()).toBe(0.75)
    expect(+high + 1).toBe(1.75)
    expect((high as unknown as number) + (low as unknown as number)).toBe(1)
    expect((high as unknown as number) / 3).toBe(0.25)
    expect(high > low).toBe(true)
    expect((low as unknown as number) >= 0.25).toBe(true)
    expect(high.compare(low)).toBe(1)
    expect(low.compare(0.25)).toBe(0)
    expect([high, low].sort((left, right) => left.compare(right)).map(Number)).toEqual([0.25, 0.75])
  })

  it('reads booleans, numeric strings and nested predictions as scores', () => {
    expect(new Prediction({ score: true }).toNumber()).toBe(1)
    expect(new Prediction({ score: ' 2.5 ' }).toNumber()).toBe(2.5)
    expect(new Prediction({ score: new Prediction({ score: 3 }) }).toNumber()).toBe(3)
  })

  it('throws without a usable score', () => {
    expect(() => new Prediction({ answer: 'x' }).toNumber()).toThrow(
      expect.objectContaining({ code: 'prediction-missing-score', message: "Prediction object does not have a 'score' field to convert to float." }),
    )
    expect(() => new Prediction({ score: 'high' }).toNumber()).toThrow(PredictionError)
    expect(() => new Prediction({ score: 1 }).compare(new Prediction({}))).toThrow(PredictionError)
  })

  it('deep-copies completions and usage along with the fields', () => {
    const prediction = Prediction.fromCompletions([{ answer: 'a' }, { answer: 'b' }])
    prediction.setLMUsage({ m: { prompt_tokens: 1 } })
    const copied = prediction.deepcopy()
    expect(copied).toBeInstanceOf(Prediction)
    expect(copied.completions?.field('answer')).toEqual(['a', 'b'])
    expect(copied.getLMUsage()).toEqual({ m: { prompt_tokens: 1 } })
    expect(copied.getLMUsage()).not.toBe(prediction.getLMUsage())
  })
})

describe('Completions', () => {
  it('stores columns and gives predictions by index', () => {
    const completions = new Completions([
      { answer: 'Paris', score: 1 },
      { answer: 'Lyon', score: 0 },
    ])
    expect(completions.length).toBe(2)
    const second = completions.at(1)
    expect(second).toBeInstanceOf(Prediction)
    expect(second.answer).toBe('Lyon')
    expect(completions.at(-1).answer).toBe('Lyon')
    expect(completions.field('score')).toEqual([1, 0])
    expect(completions.has('answer')).toBe(true)
    expect(completions.keys()).toEqual(['answer', 'score'])
    expect(completions.items()).toEqual([
      ['answer', ['Paris', 'Lyon']],
      ['score', [1, 0]],
    ])
    expect([...completions].map((prediction) => prediction.answer)).toEqual(['Paris', 'Lyon'])
  })

  it('accepts examples as rows and other completions', () => {
    const completions = new Completions([new Example({ answer: 'x' }), new Example({ answer: 'y' })])
    expect(new Completions(completions).field('answer')).toEqual(['x', 'y'])
  })

  it('has length 0 without fields', () => {
    expect(new Completions([]).length).toBe(0)
  })

  it('rejects uneven or non-list columns', () => {
    expect(() => new Completions({ answer: ['a', 'b'], score: [1] })).toThrow(
      expect.objectContaining({ code: 'completions-shape', message: 'All lists must have the same length (answer: 2, score: 1).' }),
    )
    expect(() => new Completions({ answer: 'a' } as unknown as { answer: string[] })).toThrow(expect.objectContaining({ code: 'completions-shape' }))
    expect(() => new Completions([{ answer: 'a' }, { answer: 'b', score: 1 }])).toThrow(PredictionError)
  })

  it('rejects an index or a field it does not have', () => {
    const completions = new Completions([{ answer: 'a' }])
    expect(() => completions.at(1)).toThrow(expect.objectContaining({ code: 'completions-out-of-range' }))
    expect(() => completions.at(-2)).toThrow(PredictionError)
    expect(() => completions.field('score' as 'answer')).toThrow(expect.objectContaining({ code: 'completions-out-of-range' }))
  })

  it('reprs like DSPy', () => {
    expect(new Completions({ answer: ['a', 'b'], n: [1, 2] }).toString()).toBe("Completions(\n    answer=['a', 'b'],\n    n=[1, 2]\n)")
  })
})
