import { describe, expect, it } from 'vitest'
import { createAPICallError } from './create-api-call-error.js'
import { APICallError } from './errors/api-call-error.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { BillingError } from './errors/billing-error.js'
import { ContentFilterError } from './errors/content-filter-error.js'
import { ContextWindowExceededError } from './errors/context-window-exceeded-error.js'
import { InvalidRequestError } from './errors/invalid-request-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { ServerError } from './errors/server-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import { UnsupportedModelError } from './errors/unsupported-model-error.js'
import { isRetryableLMError } from './is-retryable-lm-error.js'

const base = { url: 'https://api.acme.dev/v1/chat', provider: 'acme' }

describe('createAPICallError', () => {
  it('reads the provider message from common JSON error shapes', () => {
    const error = createAPICallError({ ...base, statusCode: 500, responseBody: '{"error":{"message":"Boom"}}' })
    expect(error.message).toBe('acme call failed with status 500: Boom')
    expect(error.data).toEqual({ error: { message: 'Boom' } })
    expect(error.isRetryable).toBe(true)
    expect(createAPICallError({ statusCode: 404, responseBody: '{"detail":"Not found"}' }).message).toBe('API call failed with status 404: Not found')
    expect(createAPICallError({ statusCode: 502, responseBody: '<html>bad gateway</html>' }).message).toBe(
      'API call failed with status 502: <html>bad gateway</html>',
    )
    expect(createAPICallError({ statusCode: 503, responseBody: '' }).message).toBe('API call failed with status 503: no response body')
  })

  it('chooses the class from the status and the message', () => {
    expect(createAPICallError({ ...base, statusCode: 401, responseBody: '{}' })).toBeInstanceOf(AuthenticationError)
    expect(createAPICallError({ ...base, statusCode: 403, responseBody: '{}' })).toBeInstanceOf(AuthenticationError)
    const limited = createAPICallError({
      ...base,
      statusCode: 429,
      responseBody: '{}',
      responseHeaders: { 'retry-after': '7' },
    })
    expect(limited).toBeInstanceOf(RateLimitError)
    expect(limited.retryAfterMs).toBe(7000)
    const tooLong = createAPICallError({
      ...base,
      statusCode: 400,
      responseBody: JSON.stringify({
        error: { message: "This model's maximum context length is 8192 tokens.", code: 'context_length_exceeded' },
      }),
    })
    expect(tooLong).toBeInstanceOf(ContextWindowExceededError)
    const anthropic = createAPICallError({
      ...base,
      statusCode: 400,
      responseBody: '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208000 tokens > 200000 maximum"}}',
    })
    expect(anthropic).toBeInstanceOf(ContextWindowExceededError)
    const filtered = createAPICallError({
      ...base,
      statusCode: 400,
      responseBody: '{"error":{"message":"Rejected by our safety system","code":"content_policy_violation"}}',
    })
    expect(filtered).toBeInstanceOf(ContentFilterError)
    const plain = createAPICallError({ ...base, statusCode: 400, responseBody: '{"error":"bad temperature"}' })
    expect(plain.constructor).toBe(InvalidRequestError)
    expect(plain.isRetryable).toBe(false)
  })

  it("maps every status as DSPy 3.3.1's _lm_error_class_from_status does, and isRetryable agrees with is_retryable_lm_error", () => {
    const cases: [number, abstract new (...args: never[]) => APICallError, boolean][] = [
      [401, AuthenticationError, false],
      [403, AuthenticationError, false],
      [402, BillingError, false],
      [404, UnsupportedModelError, false],
      [408, TimeoutError, true],
      [409, InvalidRequestError, false],
      [413, InvalidRequestError, false],
      [422, InvalidRequestError, false],
      [429, RateLimitError, true],
      [500, ServerError, true],
      [503, ServerError, true],
      [529, ServerError, true],
      [302, APICallError, false],
    ]
    for (const [statusCode, errorClass, retryable] of cases) {
      const error = createAPICallError({ ...base, statusCode, responseBody: '{}' })
      expect(error.constructor, String(statusCode)).toBe(errorClass)
      expect(error.isRetryable, String(statusCode)).toBe(retryable)
      expect(isRetryableLMError(error), String(statusCode)).toBe(retryable)
    }
  })

  it("gives a BillingError, not retryable, for OpenAI's insufficient_quota 429 and other billing codes", () => {
    const quota = createAPICallError({
      ...base,
      statusCode: 429,
      responseBody: JSON.stringify({
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      }),
      responseHeaders: { 'retry-after': '3' },
    })
    expect(quota).toBeInstanceOf(BillingError)
    expect(quota).toMatchObject({ statusCode: 429, isRetryable: false, code: 'billing' })
    const anthropic = createAPICallError({
      ...base,
      statusCode: 400,
      responseBody: '{"type":"error","error":{"type":"billing_error","message":"x"}}',
    })
    expect(anthropic).toBeInstanceOf(BillingError)
  })

  it('takes an explicit message and retryable flag', () => {
    const error = createAPICallError({ statusCode: 429, responseBody: '{}', message: 'quota', isRetryable: false })
    expect(error.message).toBe('API call failed with status 429: quota')
    expect(error.isRetryable).toBe(false)
  })
})
