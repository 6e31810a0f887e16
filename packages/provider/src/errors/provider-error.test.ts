import { inspect } from 'node:util'
import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ProviderError } from './provider-error.js'
import { RateLimitError } from './rate-limit-error.js'

describe('ProviderError', () => {
  it('carries a message, a cause, its class name and a stable code', () => {
    const cause = new Error('root')
    const error = new ProviderError({ message: 'bad', cause })
    expect(error.message).toBe('bad')
    expect(error.cause).toBe(cause)
    expect(error.name).toBe('ProviderError')
    expect(error.code).toBe('provider')
    expect(ProviderError.code).toBe('provider')
    expect(error).toBeInstanceOf(Error)
  })

  it('puts the DSPex marker, its own marker and each subclass marker on every instance', () => {
    const error = new RateLimitError({ message: 'slow down' })
    for (const name of ['dspex.error', 'dspex.provider.error', 'dspex.provider.error.api-call', 'dspex.provider.error.rate-limit']) {
      expect(Object.getOwnPropertyDescriptor(error, Symbol.for(name))?.value).toBe(true)
    }
    expect(Object.hasOwn(new ProviderError({ message: 'x' }), Symbol.for('dspex.provider.error.api-call'))).toBe(false)
  })

  it('recognises instances by marker, across copies of the package', () => {
    const error = new RateLimitError({ message: 'x' })
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toBeInstanceOf(APICallError)
    expect(ProviderError.isInstance(error)).toBe(true)
    expect(RateLimitError.isInstance(new APICallError({ message: 'x' }))).toBe(false)
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('dspex.provider.error')]: true,
      [Symbol.for('dspex.provider.error.api-call')]: true,
    })
    expect(foreign instanceof APICallError).toBe(true)
    expect(APICallError.isInstance(foreign)).toBe(true)
    expect(foreign instanceof RateLimitError).toBe(false)
    expect(ProviderError.isInstance(new Error('plain'))).toBe(false)
    expect(ProviderError.isInstance(null)).toBe(false)
    expect(ProviderError.isInstance('error')).toBe(false)
  })

  it('redacts secrets from its message and its cause, and serialises without them', () => {
    const cause = new SyntaxError('Unexpected token in "sk-live-12345"')
    const error = new ProviderError({ message: 'key sk-live-12345 rejected', cause, secrets: ['sk-live-12345'] })
    expect(error.message).toBe('key [REDACTED] rejected')
    expect(error.stack).not.toContain('sk-live-12345')
    expect((error.cause as Error).message).toBe('Unexpected token in "[REDACTED]"')
    expect((error.cause as Error).name).toBe('SyntaxError')
    const json = JSON.stringify(error)
    expect(json).not.toContain('sk-live-12345')
    expect(JSON.parse(json)).toEqual({
      name: 'ProviderError',
      code: 'provider',
      message: 'key [REDACTED] rejected',
      cause: { name: 'SyntaxError', message: 'Unexpected token in "[REDACTED]"' },
    })
  })

  it('keeps a cause without secrets as it is', () => {
    const cause = new Error('plain')
    expect(new ProviderError({ message: 'x', cause, secrets: ['sk-live-12345'] }).cause).toBe(cause)
  })

  it('is a DSPexError, so one rule and one implementation hold for every DSPex error', () => {
    const error = new RateLimitError({ message: 'x' })
    expect(error).toBeInstanceOf(DSPexError)
    expect(DSPexError.isInstance(error)).toBe(true)
    expect(Object.getPrototypeOf(ProviderError)).toBe(DSPexError)
  })

  it('rejects a subclass without its own code or marker when it is constructed', () => {
    class NoCodeError extends APICallError {
      static override readonly marker: symbol = Symbol.for('dspex.provider.error.test-no-code')
    }
    class NoMarkerError extends APICallError {
      static override readonly code: string = 'test-no-marker'
    }
    expect(() => new NoCodeError({ message: 'x' })).toThrow(
      new TypeError("NoCodeError declares no code of its own: add `static override readonly code: string = '<kebab-name>'` to it."),
    )
    expect(() => new NoMarkerError({ message: 'x' })).toThrow(/^NoMarkerError declares no marker of its own/)
    expect(NoMarkerError.isInstance(new APICallError({ message: 'x' }))).toBe(false)
  })

  it('keeps a request body out of an uncaught dump but in toJSON', () => {
    const requestBodyValues = { messages: Array.from({ length: 100 }, (_, index) => ({ role: 'user', content: `message ${index}` })) }
    const error = new APICallError({ message: 'Bad request', statusCode: 400, requestBodyValues, responseHeaders: { 'x-id': '1' } })
    const uncaught = inspect(error, { customInspect: false, depth: 5 })
    expect(uncaught.split('\n')[0]).toBe('APICallError: Bad request')
    expect(uncaught).not.toContain('message 99')
    expect(error.toJSON()).toMatchObject({ statusCode: 400, requestBodyValues, responseHeaders: { 'x-id': '1' } })
    expect(inspect(error)).toContain('  requestBodyValues: { messages: [Array] }')
  })
})
