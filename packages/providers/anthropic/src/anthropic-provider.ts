import { combineHeaders, createProviderAPI, type LanguageModel, loadAPIKey, type ProviderSettings } from '@dspex/provider'
import { mapAnthropicError } from './anthropic-error.js'
import { AnthropicMessagesLanguageModel, anthropicVersion } from './anthropic-messages-language-model.js'

/**
 * Settings of {@link createAnthropic}: the common provider settings. `apiKey` defaults to ANTHROPIC_API_KEY,
 * `baseURL` to `https://api.anthropic.com/v1`; `headers` may carry `anthropic-beta`, merged with the betas a
 * call asks for; `maxRetries` covers 429, 5xx, 529 overloaded and network failures.
 */
export interface AnthropicProviderSettings extends ProviderSettings {}

/** An Anthropic provider: call it with a model id to get a `LanguageModel`. Anthropic has no embeddings API. */
export interface AnthropicProvider {
  (modelId: string): LanguageModel
  /** The same as calling the provider. */
  languageModel(modelId: string): LanguageModel
}

/**
 * Creates an Anthropic provider for the Messages API.
 *
 * @param settings - API key, base URL, headers, fetch, retries and time limit.
 * @returns A callable provider; the API key is read when a call is made, never here.
 * @throws {LoadAPIKeyError} From a model's calls when no key is given and ANTHROPIC_API_KEY is unset.
 * @example
 * ```ts
 * const anthropic = createAnthropic({ maxRetries: 3 })
 * const result = await anthropic('claude-sonnet-4-5').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * ```
 */
export function createAnthropic(settings: AnthropicProviderSettings = {}): AnthropicProvider {
  const api = createProviderAPI({
    provider: 'anthropic',
    baseURL: settings.baseURL ?? 'https://api.anthropic.com/v1',
    headers: () => ({
      'x-api-key': loadAPIKey({ apiKey: settings.apiKey, environmentVariableName: 'ANTHROPIC_API_KEY', description: 'Anthropic' }),
      'anthropic-version': anthropicVersion,
      ...settings.headers,
    }),
    mapError: mapAnthropicError,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  })
  const betas =
    combineHeaders(settings.headers)
      ['anthropic-beta']?.split(',')
      .map((beta) => beta.trim())
      .filter(Boolean) ?? []
  const languageModel = (modelId: string): LanguageModel => new AnthropicMessagesLanguageModel(modelId, { api, betas })
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  return provider
}

/** The default Anthropic provider, reading ANTHROPIC_API_KEY when a call is made. */
export const anthropic: AnthropicProvider = createAnthropic()
