import { OpenAICompatibleChatLanguageModel } from '@dspex/openai-compatible/internal'
import type { ProviderAPI } from '@dspex/provider'
import { getOpenAIChatQuirks, getOpenAIModelCapabilities } from './openai-model-info.js'

/** What an OpenAI chat model needs from its provider. */
export interface OpenAIChatModelConfig {
  /** The provider's transport (base URL, headers, errors, retries, time limit, fetch), from `createProviderAPI`. */
  readonly api: ProviderAPI
}

/**
 * An OpenAI Chat Completions model (`POST {baseURL}/chat/completions`), as `createOpenAI` builds it: the protocol
 * of `@dspex/openai-compatible` with OpenAI's rules per model (capabilities, `max_completion_tokens` and default
 * sampling for reasoning models, strict structured outputs). `generate` returns every choice, `stream` yields
 * deltas of the first.
 *
 * @see DSPy's `dspy.LM` with an `openai/` model
 */
export class OpenAIChatLanguageModel extends OpenAICompatibleChatLanguageModel {
  /**
   * @param modelId - The OpenAI model id (`gpt-4o-mini`, `o3`).
   * @param config - The provider's transport.
   */
  constructor(modelId: string, config: OpenAIChatModelConfig) {
    super(modelId, {
      provider: 'openai',
      api: config.api,
      quirks: getOpenAIChatQuirks(modelId),
      capabilities: getOpenAIModelCapabilities(modelId),
    })
  }
}
