import { afterEach, describe, expect, it } from 'vitest'
import { LoadAPIKeyError } from './errors/load-api-key-error.js'
import { loadAPIKey } from './load-api-key.js'

const variable = 'DSPEX_PROVIDER_TEST_API_KEY'

describe('loadAPIKey', () => {
  afterEach(() => {
    delete process.env[variable]
  })

  it('prefers the key passed in code', () => {
    process.env[variable] = 'from-env'
    expect(loadAPIKey({ apiKey: 'from-code', environmentVariableName: variable, description: 'Acme' })).toBe('from-code')
  })

  it('reads the environment when called, not before', () => {
    const load = () => loadAPIKey({ environmentVariableName: variable, description: 'Acme' })
    expect(load).toThrow(LoadAPIKeyError)
    process.env[variable] = ' from-env\n'
    expect(load()).toBe('from-env')
  })

  it('names the variable and the option in its error', () => {
    try {
      loadAPIKey({ environmentVariableName: variable, description: 'Acme', apiKeyParameterName: 'key' })
      expect.unreachable()
    } catch (error) {
      expect(LoadAPIKeyError.isInstance(error)).toBe(true)
      const { message, environmentVariableName } = error as LoadAPIKeyError
      expect(message).toBe(`Acme API key is missing: pass it as the 'key' option or set the ${variable} environment variable (it is not set).`)
      expect(environmentVariableName).toBe(variable)
    }
  })

  it('rejects an empty key, passed or in the environment', () => {
    process.env[variable] = '  '
    expect(() => loadAPIKey({ environmentVariableName: variable, description: 'Acme' })).toThrow(/it is empty/)
    expect(() => loadAPIKey({ apiKey: '', environmentVariableName: variable, description: 'Acme' })).toThrow(
      "Acme API key passed as 'apiKey' is empty or not a string.",
    )
  })
})
