import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ServerError } from './server-error.js'

describe('ServerError', () => {
  it('is a retryable APICallError with a stable code', () => {
    const error = new ServerError({ message: 'Overloaded', statusCode: 529 })
    expect(error.isRetryable).toBe(true)
    expect(error.code).toBe('server')
    expect(error.statusCode).toBe(529)
    expect(error).toBeInstanceOf(APICallError)
    expect(ServerError.isInstance(new APICallError({ message: 'x', statusCode: 500 }))).toBe(false)
  })
})
