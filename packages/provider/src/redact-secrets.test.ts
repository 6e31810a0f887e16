import { describe, expect, it } from 'vitest'
import { REDACTED, redactCause, redactSecrets, redactValue } from './redact-secrets.js'

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret, URL-encoded ones too', () => {
    expect(redactSecrets('a sk-1234 b sk-1234', ['sk-1234'])).toBe(`a ${REDACTED} b ${REDACTED}`)
    expect(redactSecrets('?key=ab%2Bcd%2F', ['ab+cd/'])).toBe(`?key=${REDACTED}`)
  })

  it('replaces the longest secret first and ignores empty or very short ones', () => {
    expect(redactSecrets('Bearer sk-1234', ['sk-1234', 'Bearer sk-1234'])).toBe(REDACTED)
    expect(redactSecrets('a b c', ['', 'a', undefined])).toBe('a b c')
  })
})

describe('redactValue', () => {
  it('copies plain objects and arrays with secrets redacted from strings and keys', () => {
    const value = { 'sk-1234': 1, list: ['x sk-1234'], date: new Date(0), n: 2 }
    const redacted = redactValue(value, ['sk-1234'])
    expect(redacted).toEqual({ [REDACTED]: 1, list: [`x ${REDACTED}`], date: new Date(0), n: 2 })
    expect(value.list[0]).toBe('x sk-1234')
  })

  it('returns the value itself when there is nothing to hide, and survives cycles', () => {
    const value = { a: 1 }
    expect(redactValue(value, [])).toBe(value)
    const cyclic: Record<string, unknown> = { token: 'sk-1234' }
    cyclic.self = cyclic
    expect((redactValue(cyclic, ['sk-1234']) as Record<string, unknown>).token).toBe(REDACTED)
  })
})

describe('redactCause', () => {
  it('replaces an error whose message or stack holds a secret', () => {
    const cause = new TypeError('invalid header value "Bearer sk-1234"')
    const redacted = redactCause(cause, ['sk-1234']) as Error
    expect(redacted).not.toBe(cause)
    expect(redacted.name).toBe('TypeError')
    expect(redacted.message).toBe(`invalid header value "Bearer ${REDACTED}"`)
    expect(redacted.stack).not.toContain('sk-1234')
  })

  it('keeps anything else as it is', () => {
    const cause = new Error('fine')
    expect(redactCause(cause, ['sk-1234'])).toBe(cause)
    expect(redactCause('sk-1234', [])).toBe('sk-1234')
  })
})
