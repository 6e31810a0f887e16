import type { FetchFunction, LanguageModel } from '@dspex/provider'
import { createGoogleLanguageModel } from './google-language-model.js'

/** Settings of {@link createGoogle}. */
export interface GoogleProviderSettings {
  /** The API key; defaults to GOOGLE_GENERATIVE_AI_API_KEY (then GEMINI_API_KEY), read when a call is made. Sent as `x-goog-api-key`. */
  readonly apiKey?: string
  /** The API's base URL. Default `https://generativelanguage.googleapis.com/v1beta`. */
  readonly baseURL?: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** Retries after a retryable failure (429, 5xx, network). Default 2. */
  readonly maxRetries?: number
  /** A time limit per attempt, in milliseconds (for a stream: until the headers arrive). */
  readonly timeoutMs?: number
}

/** A Google Gemini provider: call it with a model id to get a `LanguageModel`. */
export interface GoogleProvider {
  (modelId: string): LanguageModel
  /** The same as calling the provider. */
  languageModel(modelId: string): LanguageModel
}

/**
 * Creates a Google Gemini provider for the Generative Language API (`generateContent`).
 *
 * @param settings - API key, base URL, headers, fetch, retries and time limit.
 * @returns A callable provider; the API key is read when a call is made, never here.
 * @throws {LoadAPIKeyError} From a model's calls when no key is given and neither GOOGLE_GENERATIVE_AI_API_KEY nor GEMINI_API_KEY is set.
 * @example
 * ```ts
 * const google = createGoogle({ maxRetries: 3 })
 * const result = await google('gemini-2.5-flash').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * ```
 */
export function createGoogle(settings: GoogleProviderSettings = {}): GoogleProvider {
  const baseURL = (settings.baseURL ?? 'https://generativelanguage.googleapis.com/v1beta').replace(/\/+$/, '')
  const languageModel = (modelId: string): LanguageModel =>
    createGoogleLanguageModel(modelId, {
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

/** The default Google provider, reading GOOGLE_GENERATIVE_AI_API_KEY (or GEMINI_API_KEY) when a call is made. */
export const google: GoogleProvider = createGoogle()
