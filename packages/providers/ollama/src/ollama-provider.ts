import type { FetchFunction, LanguageModel } from '@dspex/provider'
import { resolveOllamaBaseURL } from './ollama-base-url.js'
import { OllamaChatLanguageModel } from './ollama-chat-language-model.js'
import { OllamaEmbeddingModel } from './ollama-embedding-model.js'
import type { OllamaModelConfig } from './ollama-model-config.js'

/** Settings of {@link createOllama}. */
export interface OllamaProviderSettings {
  /** Ollama's address; defaults to the `OLLAMA_HOST` environment variable (read at call time), else `http://127.0.0.1:11434`. */
  readonly baseURL?: string
  /** Headers sent with every call (for a proxy in front of Ollama, say). */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** How many times a retryable failure (connection refused, 429, 5xx) is retried; defaults to 2. */
  readonly maxRetries?: number
  /** A time limit per attempt, in milliseconds (for a stream, until its headers arrive). */
  readonly timeoutMs?: number
}

/** The Ollama provider: call it with a model name to get a `LanguageModel`. */
export interface OllamaProvider {
  (modelId: string): LanguageModel
  /** The chat model `modelId` (`llama3.2`, `qwen3:8b`...), served by `/api/chat`. */
  languageModel(modelId: string): LanguageModel
  /** The embedding model `modelId` (`all-minilm`, `nomic-embed-text`...), served by `/api/embed`. */
  embedding(modelId: string): OllamaEmbeddingModel
}

/**
 * Creates an Ollama provider over the native API, with no SDK and no API key.
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
  const config: OllamaModelConfig = {
    baseURL: () => resolveOllamaBaseURL(settings.baseURL),
    headers: () => ({ ...settings.headers }),
    maxRetries: settings.maxRetries ?? 2,
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  }
  const languageModel = (modelId: string): LanguageModel => new OllamaChatLanguageModel(modelId, config)
  const provider = (modelId: string): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.embedding = (modelId: string): OllamaEmbeddingModel => new OllamaEmbeddingModel(modelId, config)
  return provider
}

/** The default Ollama provider, at `OLLAMA_HOST` or `http://127.0.0.1:11434`. */
export const ollama: OllamaProvider = createOllama()
