import type { FetchFunction, LanguageModel } from '@dspex/provider'
import { createAnthropicLanguageModel } from './anthropic-language-model.js'

/** Settings of {@link createAnthropic}. */
export interface AnthropicProviderSettings {
  /** The API key; defaults to the ANTHROPIC_API_KEY environment variable, read when a call is made. */
  readonly apiKey?: string
  /** The API's base URL. Default `https://api.anthropic.com/v1`. */
  readonly baseURL?: string
  /** Headers sent with every call (`anthropic-beta`, a proxy's headers). */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** Retries after a retryable failure (429, 5xx, 529 overloaded, network). Default 2. */
  readonly maxRetries?: number
  /** A time limit per attempt, in milliseconds (for a stream: until the headers arrive). */
  readonly timeoutMs?: number
}

/** An Anthropic provider: call it with a model id to get a `LanguageModel`. */
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
  const baseURL = (settings.baseURL ?? 'https://api.anthropic.com/v1').replace(/\/+$/, '')
  const languageModel = (modelId: string): LanguageModel =>
    createAnthropicLanguageModel(modelId, {
      baseURL,
      maxRetries: settings.maxRetries ?? 2,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      ...(settings.headers === undefined ? {} : { headers: settings.headers }),
      ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    })
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  return provider
}

/** The default Anthropic provider, reading ANTHROPIC_API_KEY when a call is made. */
export const anthropic: AnthropicProvider = createAnthropic()
