import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ContentFilterError } from './content-filter-error.js'
import { ContextWindowExceededError } from './context-window-exceeded-error.js'
import { InvalidRequestError } from './invalid-request-error.js'
import { UnsupportedModelError } from './unsupported-model-error.js'

describe('InvalidRequestError', () => {
  it('is a non-retryable APICallError', () => {
    const error = new InvalidRequestError({ message: 'Unsupported parameter: max_tokens', statusCode: 400 })
    expect(error.isRetryable).toBe(false)
    expect(error.code).toBe('invalid-request')
    expect(error).toBeInstanceOf(APICallError)
  })

  it('is the base of the context-window, content-filter and unsupported-model errors, as in DSPy', () => {
    for (const error of [
      new ContextWindowExceededError({ message: 'too long', statusCode: 400 }),
      new ContentFilterError({ message: 'refused', statusCode: 400 }),
      new UnsupportedModelError({ message: 'no such model' }),
    ]) {
      expect(error).toBeInstanceOf(InvalidRequestError)
      expect(error.isRetryable).toBe(false)
    }
    expect(new InvalidRequestError({ message: 'x' })).not.toBeInstanceOf(ContextWindowExceededError)
  })
})
