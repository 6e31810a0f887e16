import { createProviderAPI, type EmbeddingModel, type LanguageModel, loadAPIKey, type ProviderSettings } from '@dspex/provider'
import { mapGoogleError } from './google-error.js'
import {
  type GoogleEmbeddingModelId,
  type GoogleEmbeddingSettings,
  GoogleGenerativeAIEmbeddingModel,
} from './google-generative-ai-embedding-model.js'
import { GoogleGenerativeAILanguageModel } from './google-generative-ai-language-model.js'

/**
 * Settings of {@link createGoogle}: the common provider settings. `apiKey` defaults to
 * GOOGLE_GENERATIVE_AI_API_KEY (then GEMINI_API_KEY), read when a call is made and sent as `x-goog-api-key`;
 * `baseURL` defaults to `https://generativelanguage.googleapis.com/v1beta`.
 */
export interface GoogleProviderSettings extends ProviderSettings {}

/** A Google Gemini provider: call it with a model id to get a `LanguageModel`. */
export interface GoogleProvider {
  (modelId: string): LanguageModel
  /** The same as calling the provider. */
  languageModel(modelId: string): LanguageModel
  /** The text embedding model `modelId` (`gemini-embedding-001`, `text-embedding-004`). */
  embedding(modelId: GoogleEmbeddingModelId, settings?: GoogleEmbeddingSettings): EmbeddingModel
}

function readAPIKey(apiKey: string | undefined): string {
  const fallback = typeof process === 'undefined' ? undefined : process.env.GEMINI_API_KEY
  const primary = typeof process === 'undefined' ? undefined : process.env.GOOGLE_GENERATIVE_AI_API_KEY
  const useFallback = apiKey === undefined && (primary === undefined || primary.trim() === '') && fallback?.trim()
  return loadAPIKey({
    apiKey,
    environmentVariableName: useFallback ? 'GEMINI_API_KEY' : 'GOOGLE_GENERATIVE_AI_API_KEY',
    description: 'Google Generative AI',
  })
}

/**
 * Creates a Google Gemini provider for the Generative Language API (`generateContent`, `embedContent`).
 *
 * @param settings - API key, base URL, headers, fetch, retries and time limit.
 * @returns A callable provider; the API key is read when a call is made, never here.
 * @throws {LoadAPIKeyError} From a model's calls when no key is given and neither GOOGLE_GENERATIVE_AI_API_KEY nor GEMINI_API_KEY is set.
 * @example
 * ```ts
 * const google = createGoogle({ maxRetries: 3 })
 * const result = await google('gemini-2.5-flash').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * const { embeddings } = await google.embedding('gemini-embedding-001').embed({ values: ['Hi!'] })
 * ```
 */
export function createGoogle(settings: GoogleProviderSettings = {}): GoogleProvider {
  const api = createProviderAPI({
    provider: 'google',
    baseURL: settings.baseURL ?? 'https://generativelanguage.googleapis.com/v1beta',
    headers: () => ({ 'x-goog-api-key': readAPIKey(settings.apiKey), ...settings.headers }),
    mapError: mapGoogleError,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  })
  const languageModel = (modelId: string): LanguageModel => new GoogleGenerativeAILanguageModel(modelId, { api })
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.embedding = (modelId: GoogleEmbeddingModelId, embeddingSettings: GoogleEmbeddingSettings = {}): EmbeddingModel =>
    new GoogleGenerativeAIEmbeddingModel(modelId, embeddingSettings, { api })
  return provider
}

/** The default Google provider, reading GOOGLE_GENERATIVE_AI_API_KEY (or GEMINI_API_KEY) when a call is made. */
export const google: GoogleProvider = createGoogle()
