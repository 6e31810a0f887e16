import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ConfigurationError } from './configuration-error.js'
import { ProviderError } from './provider-error.js'

describe('ConfigurationError', () => {
  it('is a ProviderError, not an API call failure, with a stable code', () => {
    const error = new ConfigurationError({ message: 'acme needs a region.' })
    expect(error.code).toBe('configuration')
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).not.toBeInstanceOf(APICallError)
  })
})
