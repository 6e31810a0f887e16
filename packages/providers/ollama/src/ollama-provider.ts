import { createProviderAPI, type EmbeddingModel, type LanguageModel, type ProviderSettings } from '@dspex/provider'
import { resolveOllamaBaseURL } from './ollama-base-url.js'
import { OllamaChatLanguageModel } from './ollama-chat-language-model.js'
import { OllamaEmbeddingModel, type OllamaEmbeddingSettings } from './ollama-embedding-model.js'
import { mapOllamaError } from './ollama-error.js'

/**
 * Settings of {@link createOllama}: the common provider settings. `baseURL` defaults to the `OLLAMA_HOST`
 * environment variable (read at call time), else `http://127.0.0.1:11434`. A local Ollama needs no key;
 * `apiKey` (or the `OLLAMA_API_KEY` environment variable, read at call time) is sent as a bearer token for
 * ollama.com or an authenticating proxy. `maxRetries` covers connection refused, 429 and 5xx.
 */
export interface OllamaProviderSettings extends ProviderSettings {}

/** The Ollama provider: call it with a model name to get a `LanguageModel`. */
export interface OllamaProvider {
  (modelId: string): LanguageModel
  /** The chat model `modelId` (`llama3.2`, `qwen3:8b`...), served by `/api/chat`. */
  languageModel(modelId: string): LanguageModel
  /** The embedding model `modelId` (`all-minilm`, `nomic-embed-text`...), served by `/api/embed`. */
  embedding(modelId: string, settings?: OllamaEmbeddingSettings): EmbeddingModel
}

/**
 * Creates an Ollama provider over the native API, with no SDK; a key only when Ollama sits behind one.
 *
 * @throws Nothing here; calls throw `NetworkError` (retryable) when Ollama is not running.
 * @example
 * ```ts
 * const ollama = createOllama({ baseURL: 'http://127.0.0.1:11434' })
 * const result = await ollama('llama3.2').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * console.log(result.choices[0]?.text)
 * ```
 * @see DSPy's `dspy.LM('ollama_chat/...')`
 */
export function createOllama(settings: OllamaProviderSettings = {}): OllamaProvider {
  const api = createProviderAPI({
    provider: 'ollama',
    baseURL: () => resolveOllamaBaseURL(settings.baseURL),
    headers: () => {
      const apiKey = settings.apiKey ?? process.env.OLLAMA_API_KEY
      return { ...(apiKey === undefined || apiKey === '' ? {} : { authorization: `Bearer ${apiKey}` }), ...settings.headers }
    },
    mapError: mapOllamaError,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  })
  const languageModel = (modelId: string): LanguageModel => new OllamaChatLanguageModel(modelId, { api })
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.embedding = (modelId: string, embeddingSettings: OllamaEmbeddingSettings = {}): EmbeddingModel =>
    new OllamaEmbeddingModel(modelId, embeddingSettings, { api })
  return provider
}

/** The default Ollama provider, at `OLLAMA_HOST` or `http://127.0.0.1:11434`. */
export const ollama: OllamaProvider = createOllama()
