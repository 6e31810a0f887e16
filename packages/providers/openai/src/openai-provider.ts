import { type FetchFunction, type LanguageModel, loadApiKey } from '@dspex/provider'
import { OpenAIChatLanguageModel } from './openai-chat-language-model.js'
import type { OpenAIChatModelId } from './openai-model-info.js'

/** Settings of {@link createOpenAI}. */
export interface OpenAIProviderSettings {
  /** The API key; defaults to the `OPENAI_API_KEY` environment variable, read when a call is made. */
  readonly apiKey?: string
  /** The API's base URL; defaults to `https://api.openai.com/v1`. Any Chat Completions-compatible server works. */
  readonly baseURL?: string
  /** Sent as the `OpenAI-Organization` header. */
  readonly organization?: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** How many times a retryable failure (429, 5xx, network) is retried; defaults to 2. */
  readonly maxRetries?: number
  /** A time limit per attempt, in milliseconds. */
  readonly timeoutMs?: number
}

/** The OpenAI provider: call it with a model id to get a `LanguageModel`. */
export interface OpenAIProvider {
  (modelId: OpenAIChatModelId): LanguageModel
  /** The Chat Completions model `modelId`. */
  languageModel(modelId: OpenAIChatModelId): LanguageModel
  /** The same as {@link OpenAIProvider.languageModel}. */
  chat(modelId: OpenAIChatModelId): LanguageModel
}

/**
 * Creates an OpenAI provider.
 *
 * @throws LoadAPIKeyError at call time (not here) when no API key is given or set in `OPENAI_API_KEY`.
 * @example
 * ```ts
 * const openai = createOpenAI({ apiKey: process.env.MY_KEY })
 * const result = await openai('gpt-4o-mini').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * console.log(result.choices[0]?.text)
 * ```
 * @see DSPy's `dspy.LM('openai/...')`
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const baseURL = settings.baseURL ?? 'https://api.openai.com/v1'
  const headers = (): Record<string, string | undefined> => {
    const apiKey = loadApiKey({
      apiKey: settings.apiKey,
      environmentVariableName: 'OPENAI_API_KEY',
      description: 'OpenAI',
    })
    return {
      authorization: `Bearer ${apiKey}`,
      'openai-organization': settings.organization,
      ...settings.headers,
    }
  }
  const languageModel = (modelId: OpenAIChatModelId): LanguageModel =>
    new OpenAIChatLanguageModel(modelId, {
      baseURL,
      headers,
      maxRetries: settings.maxRetries ?? 2,
      ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    })
  const provider = (modelId: OpenAIChatModelId): LanguageModel => languageModel(modelId)
  provider.languageModel = languageModel
  provider.chat = languageModel
  return provider
}

/** The default OpenAI provider, reading `OPENAI_API_KEY` at call time. */
export const openai: OpenAIProvider = createOpenAI()
