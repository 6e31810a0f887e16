import type { Usage } from '@dspex/provider'
import type { OpenAICompatibleWireUsage } from './openai-compatible-wire-schemas.js'

/** Converts Chat Completions token counts, keeping cached prompt tokens, reasoning tokens and the reported total. */
export function convertOpenAICompatibleUsage(usage: OpenAICompatibleWireUsage): Usage {
  const cached = usage.prompt_tokens_details?.cached_tokens
  const reasoning = usage.completion_tokens_details?.reasoning_tokens
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
    ...(cached === undefined ? {} : { cachedPromptTokens: cached }),
    ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }),
    ...(usage.total_tokens === undefined ? {} : { providerTotalTokens: usage.total_tokens }),
  }
}
