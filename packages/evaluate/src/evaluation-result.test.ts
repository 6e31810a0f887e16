import { Example, Prediction } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import { averageScore, EvaluationResult, pythonRound } from './evaluation-result.js'

describe('averageScore', () => {
  it('is round(100 * sum / count, 2)', () => {
    expect(averageScore(2, 2)).toBe(100)
    expect(averageScore(2, 3)).toBe(66.67)
    expect(averageScore(1, 3)).toBe(33.33)
    expect(averageScore(0, 5)).toBe(0)
    expect(averageScore(0, 0)).toBe(0)
  })
})

describe('pythonRound', () => {
  it('rounds the exact binary value, exact ties to even, as Python does', () => {
    expect(pythonRound(2.675, 2)).toBe(2.67)
    expect(pythonRound(0.125, 2)).toBe(0.12)
    expect(pythonRound(0.375, 2)).toBe(0.38)
    expect(pythonRound(12.345, 2)).toBe(12.35)
    expect(pythonRound(1.005, 2)).toBe(1)
    expect(pythonRound(66.66666666666667, 1)).toBe(66.7)
    expect(pythonRound(-2.5, 0)).toBe(-2)
    expect(pythonRound(Number.NaN, 2)).toBeNaN()
  })
})

describe('EvaluationResult', () => {
  it("has DSPy's repr and is complete unless told otherwise", () => {
    const results = [{ example: new Example({ a: 1 }), prediction: new Prediction(), score: 1, error: undefined }]
    const result = new EvaluationResult({ score: 67.3, results })
    expect(result.aborted).toBe(false)
    expect(result.toString()).toBe('EvaluationResult(score=67.3, results=<list of 1 results>)')
    expect(new EvaluationResult({ score: 0, results: [], aborted: true }).aborted).toBe(true)
  })
})
