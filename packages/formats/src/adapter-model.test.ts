import { describe, expect, it } from 'vitest'
import { FakeApiError } from './__fixtures__/scripted-model.js'
import { isApiError, isFinalError } from './adapter-model.js'

describe('isApiError', () => {
  it('recognises errors marked by @dspex/provider, and nothing else', () => {
    expect(isApiError(new FakeApiError('x'))).toBe(true)
    expect(isApiError(new Error('x'))).toBe(false)
    expect(isApiError(undefined)).toBe(false)
  })

  it('treats an aborted request as final', () => {
    const controller = new AbortController()
    controller.abort()
    expect(isFinalError(new Error('x'), { signal: controller.signal })).toBe(true)
    expect(isFinalError(new Error('x'), {})).toBe(false)
  })
})
