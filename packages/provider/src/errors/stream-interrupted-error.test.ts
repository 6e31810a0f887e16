import { describe, expect, it } from 'vitest'
import { NetworkError } from './network-error.js'
import { StreamInterruptedError } from './stream-interrupted-error.js'

describe('StreamInterruptedError', () => {
  it('is a retryable NetworkError with its own code', () => {
    const error = new StreamInterruptedError({ message: 'cut off', responseBody: 'data: {"a"' })
    expect(error.isRetryable).toBe(true)
    expect(error.code).toBe('stream-interrupted')
    expect(error.responseBody).toBe('data: {"a"')
    expect(error).toBeInstanceOf(NetworkError)
    expect(StreamInterruptedError.isInstance(new NetworkError({ message: 'x' }))).toBe(false)
  })
})
