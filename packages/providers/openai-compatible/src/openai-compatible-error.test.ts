import {
  BillingError,
  ConfigurationError,
  ContextWindowExceededError,
  InvalidRequestError,
  isRetryableLMError,
  RateLimitError,
  ServerError,
} from '@dspex/provider'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { MissingBaseURLError } from './errors/missing-base-url-error.js'
import { mapOpenAICompatibleError } from './openai-compatible-error.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'

// OpenAI's error bodies, in the shape its API documents (`{ error: { message, type, param, code } }`).
const insufficientQuota = {
  error: {
    message: 'You exceeded your current quota, please check your plan and billing details.',
    type: 'insufficient_quota',
    param: null,
    code: 'insufficient_quota',
  },
}
const rateLimited = {
  error: {
    message: 'Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3.',
    type: 'requests',
    param: null,
    code: 'rate_limit_exceeded',
  },
}

const context = { url: 'https://api.openai.com/v1/chat/completions', provider: 'openai', requestBodyValues: {}, secrets: [] }

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('mapOpenAICompatibleError', () => {
  it("maps insufficient_quota (a 429) to a BillingError that is not retryable, as DSPy's LMBillingError", () => {
    const error = mapOpenAICompatibleError(429, JSON.stringify(insufficientQuota), { 'retry-after': '3' }, context)
    expect(BillingError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      statusCode: 429,
      isRetryable: false,
      message: `openai call failed with status 429: ${insufficientQuota.error.message}`,
    })
    expect(isRetryableLMError(error)).toBe(false)
  })

  it('keeps a plain rate limit a retryable RateLimitError, 5xx a ServerError and other 4xx an InvalidRequestError', () => {
    expect(RateLimitError.isInstance(mapOpenAICompatibleError(429, JSON.stringify(rateLimited), {}, context))).toBe(true)
    expect(ServerError.isInstance(mapOpenAICompatibleError(500, '{"error":{"message":"The server had an error"}}', {}, context))).toBe(true)
    const conflict = mapOpenAICompatibleError(409, '{"error":{"message":"conflict"}}', {}, context)
    expect(InvalidRequestError.isInstance(conflict)).toBe(true)
    expect(conflict.isRetryable).toBe(false)
    const tooLong = mapOpenAICompatibleError(400, '{"error":{"message":"too long","code":"context_length_exceeded"}}', {}, context)
    expect(ContextWindowExceededError.isInstance(tooLong)).toBe(true)
    expect(InvalidRequestError.isInstance(tooLong)).toBe(true)
  })
})

describe('a call that meets insufficient_quota', () => {
  it('fails at once with a BillingError: one request, no wait for retry-after', async () => {
    server = await createTestServer(respondWith(429, insufficientQuota, { 'retry-after': '3' }))
    const model = createOpenAICompatible({ name: 'openai-like', apiKey: 'sk-test', baseURL: server.url })('gpt-4o-mini')
    const started = performance.now()
    const error = await model.generate({ messages: [{ role: 'user', content: 'Hi' }] }).catch((caught: unknown) => caught)
    expect(BillingError.isInstance(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('MissingBaseURLError', () => {
  it('is a ConfigurationError', () => {
    expect(new MissingBaseURLError({ provider: 'nowhere' })).toBeInstanceOf(ConfigurationError)
  })
})
