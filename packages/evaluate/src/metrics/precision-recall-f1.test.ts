import { describe, expect, it } from 'vitest'
import { precisionRecallF1 } from './precision-recall-f1.js'

describe('precisionRecallF1', () => {
  it('is the harmonic mean of the clamped fractions, 0 when both are 0', () => {
    expect(precisionRecallF1(0.8, 0.6)).toBe((2 * (0.8 * 0.6)) / (0.8 + 0.6))
    expect(precisionRecallF1(1.5, 1)).toBe(1)
    expect(precisionRecallF1(-1, 0)).toBe(0)
    expect(precisionRecallF1(0, 0)).toBe(0)
  })
})
