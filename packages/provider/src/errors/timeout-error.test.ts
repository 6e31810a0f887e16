import { describe, expect, it } from 'vitest'
import { isAbortError } from '../is-abort-error.js'
import { APICallError } from './api-call-error.js'
import { TimeoutError } from './timeout-error.js'

describe('TimeoutError', () => {
  it('keeps the time limit, is retryable and is not mistaken for an abort', () => {
    const error = new TimeoutError({ message: 'no answer within 50 ms', timeoutMs: 50 })
    expect(error.timeoutMs).toBe(50)
    expect(error.isRetryable).toBe(true)
    expect(error.code).toBe('timeout')
    expect(error.name).toBe('TimeoutError')
    expect(error).toBeInstanceOf(APICallError)
    expect(isAbortError(error)).toBe(false)
  })
})
