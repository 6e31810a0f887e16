import {
  createProviderAPI,
  type EmbeddingModel,
  type LanguageModel,
  loadAPIKey,
  type ModelCapabilities,
  type ProviderSettings,
} from '@dspex/provider'
import { MissingBaseURLError } from './errors/missing-base-url-error.js'
import { defaultOpenAICompatibleCapabilities, OpenAICompatibleChatLanguageModel } from './openai-compatible-chat-language-model.js'
import { OpenAICompatibleEmbeddingModel, type OpenAICompatibleEmbeddingSettings } from './openai-compatible-embedding-model.js'
import { mapOpenAICompatibleError } from './openai-compatible-error.js'
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js'
import { isOpenAICompatibleServerName, type OpenAICompatibleServer, openaiCompatibleServers } from './openai-compatible-servers.js'

/** Settings of {@link createOpenAICompatible}: the common provider settings plus the server's name, key source and quirks. */
export interface OpenAICompatibleProviderSettings extends ProviderSettings {
  /**
   * The provider's name (`vllm`, `groq`, `deepseek`...): each model's `provider`, error messages and the `providerOptions` key.
   * A name from {@link openaiCompatibleServers} supplies that service's base URL, key variable and quirks as defaults.
   */
  readonly name: string
  /** The server's base URL, up to and including `/v1` (`http://localhost:8000/v1`); optional for a known service's name. */
  readonly baseURL?: string
  /**
   * The environment variable holding the API key (`GROQ_API_KEY`), read when a call is made; a call fails with
   * `LoadAPIKeyError` when it is unset. Without it and without `apiKey`, no `authorization` header is sent (local servers).
   */
  readonly apiKeyEnvironmentVariable?: string
  /** Query parameters added to every URL (Azure's `api-version`). */
  readonly queryParams?: Readonly<Record<string, string>>
  /** How the server departs from OpenAI's API, for every model or per model id. */
  readonly quirks?: OpenAICompatibleQuirks | ((modelId: string) => OpenAICompatibleQuirks)
  /** What the models support, overriding the defaults derived from the quirks, for every model or per model id. */
  readonly capabilities?: Partial<ModelCapabilities> | ((modelId: string) => ModelCapabilities)
}

/** An OpenAI-compatible provider: call it with a model id to get a `LanguageModel`. */
export interface OpenAICompatibleProvider {
  (modelId: string): LanguageModel
  /** The Chat Completions model `modelId`. */
  languageModel(modelId: string): LanguageModel
  /** The same as {@link OpenAICompatibleProvider.languageModel}. */
  chat(modelId: string): LanguageModel
  /** The embedding model `modelId` behind `POST /embeddings`. */
  embedding(modelId: string, settings?: OpenAICompatibleEmbeddingSettings): EmbeddingModel
}

/**
 * Creates a provider for a server that speaks OpenAI's Chat Completions protocol: vLLM, llama.cpp's server,
 * LM Studio, Groq, Together, DeepSeek, Mistral, xAI, Fireworks, OpenRouter, Ollama's `/v1`...
 *
 * @throws MissingBaseURLError when no `baseURL` is given and `name` is not a known service.
 * @throws LoadAPIKeyError at call time (not here) when `apiKeyEnvironmentVariable` is set but the variable is not.
 * @example
 * ```ts
 * const vllm = createOpenAICompatible({ name: 'vllm', baseURL: 'http://localhost:8000/v1', quirks: { structuredOutputs: true } })
 * const result = await vllm('Qwen/Qwen3-8B').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * const groq = createOpenAICompatible({ name: 'groq' }) // base URL, GROQ_API_KEY and quirks from openaiCompatibleServers
 * ```
 * @see DSPy's `dspy.LM('openai/...', api_base=...)`
 */
export function createOpenAICompatible(given: OpenAICompatibleProviderSettings): OpenAICompatibleProvider {
  const settings = withServerDefaults(given)
  const query = new URLSearchParams(settings.queryParams ?? {}).toString()
  const withQuery = (path: string): string => (query === '' ? path : `${path}?${query}`)
  const api = createProviderAPI({
    provider: settings.name,
    baseURL: settings.baseURL,
    headers: () => {
      const apiKey =
        settings.apiKey ??
        (settings.apiKeyEnvironmentVariable === undefined
          ? undefined
          : loadAPIKey({ environmentVariableName: settings.apiKeyEnvironmentVariable, description: settings.name }))
      return { ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }), ...settings.headers }
    },
    mapError: mapOpenAICompatibleError,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  })
  const quirksFor = (modelId: string): OpenAICompatibleQuirks =>
    (typeof settings.quirks === 'function' ? settings.quirks(modelId) : settings.quirks) ?? {}
  const capabilitiesFor = (modelId: string, quirks: OpenAICompatibleQuirks): ModelCapabilities =>
    typeof settings.capabilities === 'function'
      ? settings.capabilities(modelId)
      : { ...defaultOpenAICompatibleCapabilities(quirks), ...settings.capabilities }
  const languageModel = (modelId: string): LanguageModel => {
    const quirks = quirksFor(modelId)
    return new OpenAICompatibleChatLanguageModel(modelId, {
      provider: settings.name,
      api,
      quirks,
      capabilities: capabilitiesFor(modelId, quirks),
      path: withQuery('/chat/completions'),
    })
  }
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.chat = languageModel
  provider.embedding = (modelId: string, embeddingSettings: OpenAICompatibleEmbeddingSettings = {}): EmbeddingModel =>
    new OpenAICompatibleEmbeddingModel(modelId, { ...embeddingSettings, provider: settings.name, api, path: withQuery('/embeddings') })
  return provider
}

/** The settings with a known service's base URL, key variable and quirks filled in where not given. */
function withServerDefaults(settings: OpenAICompatibleProviderSettings): OpenAICompatibleProviderSettings & { readonly baseURL: string } {
  const server: OpenAICompatibleServer | undefined = isOpenAICompatibleServerName(settings.name) ? openaiCompatibleServers[settings.name] : undefined
  const baseURL = settings.baseURL ?? server?.baseURL
  if (baseURL === undefined) throw new MissingBaseURLError({ provider: settings.name })
  const apiKeyEnvironmentVariable = settings.apiKeyEnvironmentVariable ?? server?.apiKeyEnvironmentVariable
  const quirks = settings.quirks ?? server?.quirks
  return {
    ...settings,
    baseURL,
    ...(apiKeyEnvironmentVariable === undefined ? {} : { apiKeyEnvironmentVariable }),
    ...(quirks === undefined ? {} : { quirks }),
  }
}
