import { describe, expect, it } from 'vitest'
import { FakeAPIError } from './__fixtures__/scripted-model.js'
import { isAPIError, isFinalError } from './adapter-model.js'

describe('isAPIError', () => {
  it('recognises errors marked by @dspex/provider, and nothing else', () => {
    expect(isAPIError(new FakeAPIError('x'))).toBe(true)
    expect(isAPIError(new Error('x'))).toBe(false)
    expect(isAPIError(undefined)).toBe(false)
  })

  it('treats an aborted request as final', () => {
    const controller = new AbortController()
    controller.abort()
    expect(isFinalError(new Error('x'), { signal: controller.signal })).toBe(true)
    expect(isFinalError(new Error('x'), {})).toBe(false)
  })
})
