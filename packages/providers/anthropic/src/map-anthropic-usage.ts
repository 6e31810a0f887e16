import type { Usage } from '@dspex/provider'
import type { AnthropicUsage } from './anthropic-wire-schemas.js'

/**
 * Converts Anthropic token counts to DSPex usage. Anthropic's `input_tokens` leaves out cached
 * tokens, so the prompt total adds `cache_read_input_tokens` and `cache_creation_input_tokens`;
 * `cachedPromptTokens` is the part read from the cache, and `reasoningTokens` the
 * `output_tokens_details.thinking_tokens` part of the output. Anthropic reports no total.
 */
export function mapAnthropicUsage(usage: AnthropicUsage): Usage {
  const input = usage.input_tokens ?? 0
  const cacheRead = usage.cache_read_input_tokens ?? 0
  const cacheCreation = usage.cache_creation_input_tokens ?? 0
  const promptTokens = input + cacheRead + cacheCreation
  const completionTokens = usage.output_tokens ?? 0
  const thinking = usage.output_tokens_details?.thinking_tokens
  return {
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    ...(usage.cache_read_input_tokens == null ? {} : { cachedPromptTokens: cacheRead }),
    ...(typeof thinking === 'number' ? { reasoningTokens: thinking } : {}),
  }
}
