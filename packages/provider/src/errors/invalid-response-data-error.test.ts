import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { InvalidResponseDataError } from './invalid-response-data-error.js'

describe('InvalidResponseDataError', () => {
  it('keeps the raw text, redacted, and is not retryable', () => {
    const error = new InvalidResponseDataError({
      message: 'malformed JSON',
      text: '{"echo": "sk-live-abcdef"',
      statusCode: 200,
      secrets: ['sk-live-abcdef'],
    })
    expect(error.text).toBe('{"echo": "[REDACTED]"')
    expect(error.isRetryable).toBe(false)
    expect(error.code).toBe('invalid-response-data')
    expect(error).toBeInstanceOf(APICallError)
  })
})
