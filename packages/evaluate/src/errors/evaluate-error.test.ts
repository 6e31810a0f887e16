import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { EvaluationResult } from '../evaluation-result.js'
import { EvaluateError } from './evaluate-error.js'

describe('EvaluateError', () => {
  it('carries its code, the partial result and the cause, and is recognised across copies', () => {
    const result = new EvaluationResult({ score: 50, results: [], aborted: true })
    const cause = new Error('boom')
    const error = new EvaluateError({ message: 'stopped', code: 'evaluate-max-errors', result, cause })
    expect(error).toBeInstanceOf(DSPexError)
    expect(error).toMatchObject({ name: 'EvaluateError', code: 'evaluate-max-errors', result, cause })
    expect(EvaluateError.isInstance(error)).toBe(true)
    expect(EvaluateError.isInstance(new DSPexError({ message: 'x', code: 'other' }))).toBe(false)
    expect(new EvaluateError({ message: 'x', code: 'evaluate-invalid-options' }).result).toBeUndefined()
  })
})
