import { mapOpenAICompatibleError, OpenAICompatibleEmbeddingModel } from '@dspex/openai-compatible/internal'
import { createProviderAPI, type EmbeddingModel, type LanguageModel, loadAPIKey, type ProviderSettings } from '@dspex/provider'
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js'
import type { OpenAIChatModelId } from './openai-model-info.js'
import { OpenAIResponsesLanguageModel } from './openai-responses-language-model.js'

/** Embedding model ids OpenAI knows; any other string is accepted too. */
export type OpenAIEmbeddingModelId = 'text-embedding-3-small' | 'text-embedding-3-large' | 'text-embedding-ada-002' | (string & {})

/** Per-model settings of {@link OpenAIProvider.embedding}. */
export interface OpenAIEmbeddingSettings {
  /** Shortens each vector to this many dimensions (`text-embedding-3-*` only). */
  readonly dimensions?: number
}

/** Settings of {@link createOpenAI}: the common provider settings plus OpenAI's account headers and default API. */
export interface OpenAIProviderSettings extends ProviderSettings {
  /** Sent as the `OpenAI-Organization` header. */
  readonly organization?: string
  /** Sent as the `OpenAI-Project` header. */
  readonly project?: string
  /** The API calling the provider (and `languageModel`) uses: `chat` (Chat Completions, the default) or `responses`. */
  readonly api?: 'chat' | 'responses'
}

/** The OpenAI provider: call it with a model id to get a `LanguageModel`. */
export interface OpenAIProvider {
  (modelId: OpenAIChatModelId): LanguageModel
  /** The model `modelId` on the provider's default API (`settings.api`, Chat Completions unless set). */
  languageModel(modelId: OpenAIChatModelId): LanguageModel
  /** The Chat Completions model `modelId`. */
  chat(modelId: OpenAIChatModelId): LanguageModel
  /** The Responses API model `modelId`. */
  responses(modelId: OpenAIChatModelId): LanguageModel
  /** The embedding model `modelId` (`POST /embeddings`, at most 2048 values per call). */
  embedding(modelId: OpenAIEmbeddingModelId, settings?: OpenAIEmbeddingSettings): EmbeddingModel
}

/** The most inputs OpenAI's `/embeddings` takes in one call. */
const openaiMaxEmbeddingsPerCall = 2048

/**
 * Creates an OpenAI provider over Chat Completions (the protocol of `@dspex/openai-compatible`, with OpenAI's
 * rules per model), the Responses API and embeddings.
 *
 * @throws LoadAPIKeyError at call time (not here) when no API key is given or set in `OPENAI_API_KEY`.
 * @example
 * ```ts
 * const openai = createOpenAI({ apiKey: process.env.MY_KEY })
 * const result = await openai('gpt-4o-mini').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * const answer = await openai.responses('gpt-4.1-mini').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * const { embeddings } = await openai.embedding('text-embedding-3-small').embed({ values: ['Hi!'] })
 * ```
 * @see DSPy's `dspy.LM('openai/...')`
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const api = createProviderAPI({
    provider: 'openai',
    baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
    headers: () => ({
      authorization: `Bearer ${loadAPIKey({ apiKey: settings.apiKey, environmentVariableName: 'OPENAI_API_KEY', description: 'OpenAI' })}`,
      'openai-organization': settings.organization,
      'openai-project': settings.project,
      ...settings.headers,
    }),
    mapError: mapOpenAICompatibleError,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  })
  const chat = (modelId: OpenAIChatModelId): LanguageModel => new OpenAIChatLanguageModel(modelId, { api })
  const responses = (modelId: OpenAIChatModelId): LanguageModel => new OpenAIResponsesLanguageModel(modelId, { api })
  const languageModel = settings.api === 'responses' ? responses : chat
  const provider = (modelId: OpenAIChatModelId): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.chat = chat
  provider.responses = responses
  provider.embedding = (modelId: OpenAIEmbeddingModelId, embeddingSettings: OpenAIEmbeddingSettings = {}): EmbeddingModel =>
    new OpenAICompatibleEmbeddingModel(modelId, {
      provider: 'openai',
      api,
      maxEmbeddingsPerCall: openaiMaxEmbeddingsPerCall,
      ...(embeddingSettings.dimensions === undefined ? {} : { dimensions: embeddingSettings.dimensions }),
    })
  return provider
}

/** The default OpenAI provider, reading `OPENAI_API_KEY` at call time. */
export const openai: OpenAIProvider = createOpenAI()
