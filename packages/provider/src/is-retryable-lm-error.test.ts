import { describe, expect, it } from 'vitest'
import { APICallError } from './errors/api-call-error.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { BillingError } from './errors/billing-error.js'
import { ContentFilterError } from './errors/content-filter-error.js'
import { ContextWindowExceededError } from './errors/context-window-exceeded-error.js'
import { InvalidRequestError } from './errors/invalid-request-error.js'
import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import { LoadAPIKeyError } from './errors/load-api-key-error.js'
import { NetworkError } from './errors/network-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { ServerError } from './errors/server-error.js'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import { UnsupportedFeatureError } from './errors/unsupported-feature-error.js'
import { UnsupportedModelError } from './errors/unsupported-model-error.js'
import { isRetryableLMError } from './is-retryable-lm-error.js'

describe('isRetryableLMError', () => {
  const message = 'x'
  it("is true for DSPy's four retryable kinds (rate limit, timeout, server, transport), and isRetryable agrees", () => {
    for (const error of [
      new RateLimitError({ message }),
      new TimeoutError({ message, timeoutMs: 5 }),
      new ServerError({ message, statusCode: 503 }),
      new NetworkError({ message }),
      new StreamInterruptedError({ message }),
    ]) {
      expect(isRetryableLMError(error), error.name).toBe(true)
      expect(error.isRetryable, error.name).toBe(true)
    }
  })

  it('is false for every other error, and isRetryable agrees', () => {
    for (const error of [
      new APICallError({ message, statusCode: 500 }),
      new AuthenticationError({ message }),
      new BillingError({ message, statusCode: 429 }),
      new InvalidRequestError({ message }),
      new ContextWindowExceededError({ message }),
      new ContentFilterError({ message }),
      new UnsupportedModelError({ message }),
      new InvalidResponseDataError({ message, text: '' }),
    ]) {
      expect(isRetryableLMError(error), error.name).toBe(false)
      expect(error.isRetryable, error.name).toBe(false)
    }
    for (const error of [new LoadAPIKeyError({ message }), new UnsupportedFeatureError({ message }), new TypeError(message), 'boom', undefined]) {
      expect(isRetryableLMError(error)).toBe(false)
    }
  })
})
