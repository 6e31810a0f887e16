import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ContentFilterError } from './content-filter-error.js'

describe('ContentFilterError', () => {
  it('is an APICallError that is never retryable', () => {
    const error = new ContentFilterError({ message: 'rejected by the safety system', statusCode: 400 })
    expect(error.isRetryable).toBe(false)
    expect(error.code).toBe('content-filter')
    expect(error).toBeInstanceOf(APICallError)
    expect(ContentFilterError.isInstance(error)).toBe(true)
  })
})
