import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { NetworkError } from './network-error.js'

describe('NetworkError', () => {
  it('has no status and is retryable', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
    const error = new NetworkError({ message: 'Cannot reach acme', cause, url: 'http://127.0.0.1:1' })
    expect(error.statusCode).toBeUndefined()
    expect(error.isRetryable).toBe(true)
    expect(error.cause).toBe(cause)
    expect(error.code).toBe('network')
    expect(error).toBeInstanceOf(APICallError)
  })
})
