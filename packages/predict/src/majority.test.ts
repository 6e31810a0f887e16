import { Completions, Example, Prediction } from '@dspex/primitives'
import { Signature } from '@dspex/signatures'
import { describe, expect, it } from 'vitest'
import { AggregationError } from './errors/aggregation-error.js'
import { majority, normalizeVote } from './majority.js'

const votes = [{ answer: '2' }, { answer: '2' }, { answer: '3' }]

describe('majority (DSPy tests/predict/test_aggregation.py)', () => {
  it('votes among a Prediction’s completions', () => {
    expect(majority(Prediction.fromCompletions(votes)).completions?.at(0).get('answer')).toBe('2')
  })

  it('votes among Completions', () => {
    expect(majority(new Completions(votes)).completions?.at(0).get('answer')).toBe('2')
  })

  it('votes among a list', () => {
    expect(majority(votes).get('answer')).toBe('2')
  })

  it('normalizes before counting', () => {
    const result = majority([{ answer: '2' }, { answer: ' 2' }, { answer: '3' }], { normalize: normalizeVote })
    expect(result.get('answer')).toBe('2')
  })

  it('votes on the field it is given', () => {
    const rows = [
      { answer: '2', other: '1' },
      { answer: '2', other: '1' },
      { answer: '3', other: '2' },
    ]
    expect(majority(rows, { field: 'other' }).get('other')).toBe('1')
  })

  it('returns the first completion on a tie', () => {
    expect(majority([{ answer: '2' }, { answer: '3' }, { answer: '4' }]).get('answer')).toBe('2')
  })
})

describe('majority (DSPy semantics beyond the golden tests)', () => {
  it('votes on the signature’s last output field, not the last key', () => {
    const signature = Signature.parse('question -> reasoning, answer')
    const completions = new Completions(
      [
        { answer: 'Lyon', reasoning: 'x', extra: 'a' },
        { answer: 'Paris', reasoning: 'y', extra: 'a' },
        { answer: 'paris.', reasoning: 'z', extra: 'b' },
      ],
      signature,
    )
    const result = majority(completions)
    expect(result.get('answer')).toBe('Paris')
    expect(result.completions?.signature).toBe(signature)
  })

  it('returns the first completion holding the winning value, in its original spelling', () => {
    const result = majority([{ answer: 'Lyon' }, { answer: 'The Paris!' }, { answer: 'paris' }])
    expect(result.get('answer')).toBe('The Paris!')
  })

  it('leaves out values that normalize to nothing, unless nothing else is left', () => {
    expect(majority([{ answer: '' }, { answer: '...' }, { answer: 'x' }]).get('answer')).toBe('x')
    expect(majority([{ answer: '' }, { answer: '!' }]).get('answer')).toBe('')
  })

  it('counts raw values when normalize is null', () => {
    expect(majority([{ answer: 'A' }, { answer: 'a' }, { answer: 'a' }], { normalize: null }).get('answer')).toBe('a')
    expect(majority([{ answer: 'A' }, { answer: 'a' }, { answer: 'b' }], { normalize: null }).get('answer')).toBe('A')
  })

  it('votes among predictions (an ensemble’s outputs) and examples', () => {
    const outputs = [new Prediction({ answer: 'no' }), new Prediction({ answer: 'yes' }), new Example({ answer: 'Yes' })]
    expect(majority(outputs).get('answer')).toBe('yes')
  })

  it('throws a typed error for nothing to vote among or input of another kind', () => {
    expect(() => majority([])).toThrow(AggregationError)
    expect(() => majority('x' as never)).toThrow(expect.objectContaining({ code: 'aggregation-invalid-input' }))
  })

  it('normalizes as DSPy’s normalize_text, giving null for empty text', () => {
    expect(normalizeVote('  The  Eiffel, Tower! ')).toBe('eiffel tower')
    expect(normalizeVote('a an the')).toBeNull()
    expect(normalizeVote(42)).toBe('42')
  })
})
