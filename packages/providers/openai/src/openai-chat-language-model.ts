import { mapOpenAICompatibleError, OpenAICompatibleChatLanguageModel } from '@dspex/openai-compatible'
import { createProviderAPI, type FetchFunction, type ProviderAPI } from '@dspex/provider'
import { getOpenAIChatQuirks, getOpenAIModelCapabilities } from './openai-model-info.js'

/**
 * What an OpenAI chat model needs from its provider: the provider's shared transport (`api`), or, for a model
 * built on its own, where to call, with which headers, and how.
 */
export interface OpenAIChatModelConfig {
  /** The transport the provider's models share; when given, the fields below are ignored. */
  readonly api?: ProviderAPI
  /** The API's base URL; defaults to `https://api.openai.com/v1`. */
  readonly baseURL?: string
  /** Called on every request, so the API key is read at call time. */
  readonly headers?: () => Readonly<Record<string, string | undefined>>
  /** A `fetch` to use instead of the built-in one. */
  readonly fetch?: FetchFunction
  /** Retries after a retryable failure; default 2. */
  readonly maxRetries?: number
  /** A time limit per attempt, in milliseconds. */
  readonly timeoutMs?: number
}

/** Builds the transport of a model configured on its own (without a provider's `api`). */
export function createOpenAIAPI(config: Omit<OpenAIChatModelConfig, 'api'>): ProviderAPI {
  return createProviderAPI({
    provider: 'openai',
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    headers: config.headers ?? (() => ({})),
    mapError: mapOpenAICompatibleError,
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    ...(config.maxRetries === undefined ? {} : { maxRetries: config.maxRetries }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
  })
}

/**
 * An OpenAI Chat Completions model (`POST {baseURL}/chat/completions`): the protocol of
 * `@dspex/openai-compatible` with OpenAI's rules per model (capabilities, `max_completion_tokens` and default
 * sampling for reasoning models, strict structured outputs). `generate` returns every choice, `stream` yields
 * deltas of the first.
 *
 * @see DSPy's `dspy.LM` with an `openai/` model
 */
export class OpenAIChatLanguageModel extends OpenAICompatibleChatLanguageModel {
  /**
   * @param modelId - The OpenAI model id (`gpt-4o-mini`, `o3`).
   * @param config - The provider's transport, or the settings to build one.
   */
  constructor(modelId: string, config: OpenAIChatModelConfig = {}) {
    super(modelId, {
      provider: 'openai',
      api: config.api ?? createOpenAIAPI(config),
      quirks: getOpenAIChatQuirks(modelId),
      capabilities: getOpenAIModelCapabilities(modelId),
    })
  }
}
