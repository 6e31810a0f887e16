import { LoadAPIKeyError } from './errors/load-api-key-error.js'

/** Options of {@link loadAPIKey}. */
export interface LoadAPIKeyOptions {
  /** The key passed in code, if any; it wins over the environment. */
  readonly apiKey?: string | undefined
  /** The environment variable to read otherwise (`OPENAI_API_KEY`). */
  readonly environmentVariableName: string
  /** The provider's display name, used in the error message (`OpenAI`). */
  readonly description: string
  /** The option name callers pass the key as, used in the error message. Defaults to `apiKey`. */
  readonly apiKeyParameterName?: string
}

/**
 * Returns the API key to use: the `apiKey` option if given, otherwise the environment variable,
 * read now (call this when a request is made, never at import, so a key set later is seen).
 *
 * @throws {LoadAPIKeyError} When neither holds a non-empty string; the message names the variable.
 * @example
 * ```ts
 * const apiKey = loadAPIKey({ apiKey: settings.apiKey, environmentVariableName: 'ACME_API_KEY', description: 'Acme' })
 * ```
 */
export function loadAPIKey({ apiKey, environmentVariableName, description, apiKeyParameterName = 'apiKey' }: LoadAPIKeyOptions): string {
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || apiKey.trim() === '') {
      throw new LoadAPIKeyError({
        message: `${description} API key passed as '${apiKeyParameterName}' is empty or not a string.`,
        environmentVariableName,
      })
    }
    return apiKey
  }
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env[environmentVariableName]
  if (fromEnvironment === undefined || fromEnvironment.trim() === '') {
    const state = fromEnvironment === undefined ? 'is not set' : 'is empty'
    throw new LoadAPIKeyError({
      message: `${description} API key is missing: pass it as the '${apiKeyParameterName}' option or set the ${environmentVariableName} environment variable (it ${state}).`,
      environmentVariableName,
    })
  }
  return fromEnvironment.trim()
}
