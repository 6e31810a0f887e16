import type { Usage } from '@dspex/provider'
import type { GoogleUsageMetadata } from './google-wire-schemas.js'

/**
 * Maps Gemini's `usageMetadata` to DSPex usage. Completion tokens count the answer and the
 * thoughts (`candidatesTokenCount + thoughtsTokenCount`), so prompt plus completion is the total;
 * `providerTotalTokens` keeps `totalTokenCount` as sent (it also counts tool-use prompt tokens).
 */
export function mapGoogleUsage(usage: GoogleUsageMetadata): Usage {
  const promptTokens = usage.promptTokenCount ?? 0
  const thoughts = usage.thoughtsTokenCount
  const completionTokens = (usage.candidatesTokenCount ?? 0) + (thoughts ?? 0)
  return {
    promptTokens,
    completionTokens,
    totalTokens: usage.totalTokenCount ?? promptTokens + completionTokens,
    ...(usage.cachedContentTokenCount === undefined ? {} : { cachedPromptTokens: usage.cachedContentTokenCount }),
    ...(thoughts === undefined ? {} : { reasoningTokens: thoughts }),
    ...(usage.totalTokenCount === undefined ? {} : { providerTotalTokens: usage.totalTokenCount }),
  }
}
