import {
  AuthenticationError,
  BillingError,
  ContextWindowExceededError,
  InvalidRequestError,
  isRetryableLMError,
  RateLimitError,
  ServerError,
} from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { mapAnthropicError, readAnthropicError } from './anthropic-error.js'

const context = { url: 'https://api.anthropic.com/v1/messages', provider: 'anthropic', requestBodyValues: {}, secrets: [] }
const body = (type: string, message: string): string => JSON.stringify({ type: 'error', error: { type, message } })

describe('mapAnthropicError', () => {
  it('keeps Anthropic message and makes 529 overloaded a retryable ServerError', () => {
    const error = mapAnthropicError(529, body('overloaded_error', 'Overloaded'), {}, context)
    expect(error.message).toBe('anthropic call failed with status 529: overloaded_error: Overloaded')
    expect(ServerError.isInstance(error)).toBe(true)
    expect(error.isRetryable).toBe(true)
    expect(error.statusCode).toBe(529)
  })

  it('maps billing_error and a credit balance too low to BillingError, not retryable', () => {
    for (const error of [
      mapAnthropicError(402, body('billing_error', 'Payment required'), {}, context),
      mapAnthropicError(400, body('invalid_request_error', 'Your credit balance is too low to access the Anthropic API.'), {}, context),
    ]) {
      expect(BillingError.isInstance(error)).toBe(true)
      expect(error.isRetryable).toBe(false)
      expect(isRetryableLMError(error)).toBe(false)
    }
  })

  it('maps other invalid requests to InvalidRequestError', () => {
    const error = mapAnthropicError(400, body('invalid_request_error', 'max_tokens: must be positive'), {}, context)
    expect(InvalidRequestError.isInstance(error)).toBe(true)
    expect(error.isRetryable).toBe(false)
  })

  it('maps 401 to AuthenticationError', () => {
    const error = mapAnthropicError(401, body('authentication_error', 'invalid x-api-key'), {}, context)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect(error.isRetryable).toBe(false)
  })

  it('maps 429 to RateLimitError with retry-after', () => {
    const error = mapAnthropicError(429, body('rate_limit_error', 'Slow down'), { 'retry-after': '3' }, context)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error.retryAfterMs).toBe(3000)
  })

  it('maps a too long prompt to ContextWindowExceededError', () => {
    const message = 'prompt is too long: 212345 tokens > 200000 maximum'
    const error = mapAnthropicError(400, body('invalid_request_error', message), {}, context)
    expect(ContextWindowExceededError.isInstance(error)).toBe(true)
    expect(error.message).toContain(message)
  })

  it('falls back to the raw body when it is not Anthropic JSON', () => {
    const error = mapAnthropicError(502, 'Bad gateway', {}, context)
    expect(error.message).toContain('Bad gateway')
    expect(error.isRetryable).toBe(true)
    expect(readAnthropicError('nope')).toBeUndefined()
  })
})
