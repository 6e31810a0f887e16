import { describe, expect, it } from 'vitest'
import { MetricError } from '../errors/metric-error.js'
import { EM, exactMatch, exactMatchScore } from './exact-match.js'

describe('exactMatch', () => {
  it('matches any reference after normalization (DSPy docstring cases)', () => {
    expect(exactMatch('The Eiffel Tower', ['Eiffel Tower', 'Louvre'])).toBe(true)
    expect(exactMatch('paris', ['Paris'])).toBe(true)
    expect(exactMatch('paris', ['Paris, France'])).toBe(false)
    expect(exactMatchScore('Paris', 'paris')).toBe(true)
    expect(EM).toBe(exactMatch)
  })

  it('treats two texts that normalize to nothing as equal, as DSPy does', () => {
    expect(exactMatch('', [''])).toBe(true)
    expect(exactMatch('the', ['a'])).toBe(true)
  })

  it('rejects answers that are not a non-empty list', () => {
    expect(() => exactMatch('x', 'x' as never)).toThrow(MetricError)
    expect(() => exactMatch('x', [])).toThrow(expect.objectContaining({ code: 'metric-invalid-answers' }))
    expect(() => exactMatch('x', [1] as never)).toThrow(expect.objectContaining({ code: 'metric-invalid-value' }))
  })
})
