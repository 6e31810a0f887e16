import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ProviderError } from './provider-error.js'

describe('APICallError', () => {
  it('keeps where the call went and what came back', () => {
    const error = new APICallError({
      message: 'Overloaded',
      url: 'https://api.acme.dev/v1/chat',
      statusCode: 529,
      responseHeaders: { 'x-request-id': 'r1' },
      responseBody: '{"error":"overloaded"}',
      provider: 'acme',
      requestBodyValues: { model: 'acme-1' },
      data: { error: 'overloaded' },
    })
    expect(error.code).toBe('api-call')
    expect(error.name).toBe('APICallError')
    expect(error.url).toBe('https://api.acme.dev/v1/chat')
    expect(error.statusCode).toBe(529)
    expect(error.responseHeaders).toEqual({ 'x-request-id': 'r1' })
    expect(error.responseBody).toBe('{"error":"overloaded"}')
    expect(error.provider).toBe('acme')
    expect(error.requestBodyValues).toEqual({ model: 'acme-1' })
    expect(error.data).toEqual({ error: 'overloaded' })
    expect(error.isRetryable).toBe(false)
    expect(error).toBeInstanceOf(ProviderError)
  })

  it('is not retryable unless told, whatever the status: the retryable failures have their own classes, as in DSPy', () => {
    const retryable = (statusCode?: number) => new APICallError({ message: 'x', statusCode }).isRetryable
    expect([400, 408, 429, 500, 503, undefined].map(retryable)).toEqual([false, false, false, false, false, false])
    expect(new APICallError({ message: 'x', statusCode: 500, isRetryable: true }).isRetryable).toBe(true)
  })

  it('reads retryAfterMs from the headers unless given', () => {
    expect(new APICallError({ message: 'x', responseHeaders: { 'retry-after': '3' } }).retryAfterMs).toBe(3000)
    expect(new APICallError({ message: 'x', responseHeaders: { 'retry-after-ms': '40' } }).retryAfterMs).toBe(40)
    expect(new APICallError({ message: 'x', retryAfterMs: 5, responseHeaders: { 'retry-after': '3' } }).retryAfterMs).toBe(5)
    expect(new APICallError({ message: 'x' }).retryAfterMs).toBeUndefined()
  })

  it('redacts secrets from the message, URL, body, headers and request body', () => {
    const secret = 'sk-live-abcdef'
    const error = new APICallError({
      message: `bad key ${secret}`,
      url: `https://api.acme.dev/v1?key=${secret}`,
      responseBody: `{"error":"key ${secret} is wrong"}`,
      responseHeaders: { 'x-echo': secret },
      requestBodyValues: { nested: [{ token: secret }] },
      data: { echo: secret },
      secrets: [secret],
    })
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)}`
    expect(everything).not.toContain(secret)
    expect(error.url).toBe('https://api.acme.dev/v1?key=[REDACTED]')
    expect(error.requestBodyValues).toEqual({ nested: [{ token: '[REDACTED]' }] })
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'api-call', responseHeaders: { 'x-echo': '[REDACTED]' } })
  })
})
