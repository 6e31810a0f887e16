import { describe, expect, it } from 'vitest'
import { isAbortError } from './is-abort-error.js'

describe('isAbortError', () => {
  it('recognises the default reasons of aborted signals', () => {
    const controller = new AbortController()
    controller.abort()
    expect(isAbortError(controller.signal.reason)).toBe(true)
    expect(isAbortError(new DOMException('late', 'TimeoutError'))).toBe(true)
  })

  it('rejects other errors and values', () => {
    expect(isAbortError(new Error('boom'))).toBe(false)
    expect(isAbortError('AbortError')).toBe(false)
    expect(isAbortError(null)).toBe(false)
  })
})
