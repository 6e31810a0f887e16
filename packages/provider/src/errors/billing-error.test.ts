import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { BillingError } from './billing-error.js'
import { RateLimitError } from './rate-limit-error.js'

describe('BillingError', () => {
  it('defaults to status 402, is never retryable and is not a rate limit', () => {
    const error = new BillingError({ message: 'Insufficient Balance' })
    expect(error.statusCode).toBe(402)
    expect(error.isRetryable).toBe(false)
    expect(error.code).toBe('billing')
    expect(error).toBeInstanceOf(APICallError)
    expect(error).not.toBeInstanceOf(RateLimitError)
  })

  it("keeps the status it came with (OpenAI's insufficient_quota is a 429) and the retry-after it is not honoured for", () => {
    const error = new BillingError({ message: 'insufficient_quota', statusCode: 429, responseHeaders: { 'retry-after': '3' } })
    expect(error).toMatchObject({ statusCode: 429, isRetryable: false, retryAfterMs: 3000 })
  })
})
