import type { Usage } from '@dspex/provider'
import type { OpenAIResponsesWireUsage } from './openai-responses-wire-schemas.js'

/** Converts a response's token counts, keeping cached input tokens, reasoning tokens and the reported total. */
export function convertOpenAIResponsesUsage(usage: OpenAIResponsesWireUsage): Usage {
  const cached = usage.input_tokens_details?.cached_tokens
  const reasoning = usage.output_tokens_details?.reasoning_tokens
  return {
    promptTokens: usage.input_tokens,
    completionTokens: usage.output_tokens,
    totalTokens: usage.total_tokens ?? usage.input_tokens + usage.output_tokens,
    ...(cached === undefined ? {} : { cachedPromptTokens: cached }),
    ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }),
    ...(usage.total_tokens === undefined ? {} : { providerTotalTokens: usage.total_tokens }),
  }
}
