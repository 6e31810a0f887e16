import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { AuthenticationError } from './authentication-error.js'

describe('AuthenticationError', () => {
  it('defaults to status 401, is never retryable and has a stable code', () => {
    const error = new AuthenticationError({ message: 'Invalid API key' })
    expect(error.statusCode).toBe(401)
    expect(error.isRetryable).toBe(false)
    expect(error.code).toBe('authentication')
    expect(new AuthenticationError({ message: 'Forbidden', statusCode: 403 }).statusCode).toBe(403)
    expect(error).toBeInstanceOf(APICallError)
    expect(AuthenticationError.isInstance(new APICallError({ message: 'x', statusCode: 401 }))).toBe(false)
  })
})
