import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ConfigurationError } from './configuration-error.js'
import { LoadAPIKeyError } from './load-api-key-error.js'
import { ProviderError } from './provider-error.js'

describe('LoadAPIKeyError', () => {
  it('names the environment variable and is not an API call failure', () => {
    const error = new LoadAPIKeyError({ message: 'missing', environmentVariableName: 'ACME_API_KEY' })
    expect(error.environmentVariableName).toBe('ACME_API_KEY')
    expect(error.code).toBe('load-api-key')
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(error).not.toBeInstanceOf(APICallError)
  })
})
