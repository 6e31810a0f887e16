import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ContextWindowExceededError } from './context-window-exceeded-error.js'

describe('ContextWindowExceededError', () => {
  it('is an APICallError that is never retryable', () => {
    const error = new ContextWindowExceededError({ message: 'prompt is too long', statusCode: 400 })
    expect(error.isRetryable).toBe(false)
    expect(new ContextWindowExceededError({ message: 'x', statusCode: 500 }).isRetryable).toBe(false)
    expect(error.code).toBe('context-window-exceeded')
    expect(error.name).toBe('ContextWindowExceededError')
    expect(error).toBeInstanceOf(APICallError)
  })
})
