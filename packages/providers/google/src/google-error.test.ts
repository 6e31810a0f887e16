import { readFileSync } from 'node:fs'
import {
  APICallError,
  AuthenticationError,
  InvalidRequestError,
  isRetryableLMError,
  RateLimitError,
  ServerError,
  UnsupportedModelError,
} from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { createGoogleStatusError, mapGoogleError } from './google-error.js'

const context = {
  url: 'https://generativelanguage.googleapis.com/v1beta/models/x:generateContent',
  provider: 'google',
  requestBodyValues: {},
  secrets: [],
}
const recorded429 = readFileSync(new URL('../../../../fixtures/providers/google-429-retry-info.json', import.meta.url), 'utf8')
const body = (code: number, status: string, message: string) => JSON.stringify({ error: { code, message, status } })

describe('mapGoogleError', () => {
  it('gives the recorded 429 a retryable RateLimitError waiting as RetryInfo asks', () => {
    const error = mapGoogleError(429, recorded429, {}, context)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error.isRetryable).toBe(true)
    expect(error.retryAfterMs).toBeGreaterThan(0)
  })

  it('classifies by status as DSPy does: 404 an UnsupportedModelError, other 4xx invalid requests, 5xx server errors', () => {
    const missing = mapGoogleError(404, body(404, 'NOT_FOUND', 'models/gemini-9 is not found'), {}, context)
    expect(UnsupportedModelError.isInstance(missing)).toBe(true)
    expect(missing.message).toBe('google call failed with status 404: NOT_FOUND: models/gemini-9 is not found')
    expect(InvalidRequestError.isInstance(mapGoogleError(400, body(400, 'INVALID_ARGUMENT', 'bad'), {}, context))).toBe(true)
    const unavailable = mapGoogleError(503, body(503, 'UNAVAILABLE', 'overloaded'), {}, context)
    expect(ServerError.isInstance(unavailable)).toBe(true)
    expect(isRetryableLMError(unavailable)).toBe(true)
  })
})

describe('createGoogleStatusError', () => {
  it('picks the class from the gRPC status of a stream error event, with the code it carries', () => {
    const options = { message: 'google stream failed', provider: 'google' }
    const cases: [string, abstract new (...args: never[]) => APICallError, boolean][] = [
      ['UNAVAILABLE', ServerError, true],
      ['INTERNAL', ServerError, true],
      ['RESOURCE_EXHAUSTED', RateLimitError, true],
      ['PERMISSION_DENIED', AuthenticationError, false],
      ['NOT_FOUND', UnsupportedModelError, false],
      ['INVALID_ARGUMENT', InvalidRequestError, false],
      ['CANCELLED', APICallError, false],
    ]
    for (const [status, errorClass, retryable] of cases) {
      const error = createGoogleStatusError({ status, code: 500 }, options)
      expect(error.constructor, status).toBe(errorClass)
      expect(error.isRetryable, status).toBe(retryable)
      expect(error.statusCode).toBe(500)
    }
  })
})
