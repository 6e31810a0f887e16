import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { BillingError } from './billing-error.js'
import { RateLimitError } from './rate-limit-error.js'
import { ServerError } from './server-error.js'

describe('RateLimitError', () => {
  it('defaults to status 429, is retryable and reads retry-after', () => {
    const error = new RateLimitError({ message: 'Slow down', responseHeaders: { 'retry-after': '2' } })
    expect(error.statusCode).toBe(429)
    expect(error.isRetryable).toBe(true)
    expect(error.retryAfterMs).toBe(2000)
    expect(error.code).toBe('rate-limit')
    expect(error).toBeInstanceOf(APICallError)
  })

  it('is neither a BillingError nor a ServerError', () => {
    const error = new RateLimitError({ message: 'Slow down' })
    expect(BillingError.isInstance(error)).toBe(false)
    expect(ServerError.isInstance(error)).toBe(false)
  })
})
