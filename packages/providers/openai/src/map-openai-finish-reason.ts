import type { FinishReason } from '@dspex/provider'

/**
 * Maps OpenAI's `finish_reason` to ours: `stop`, `length`, `tool_calls` (and the legacy `function_call`),
 * `content_filter`; anything else is `other`, and a missing reason is `unknown`.
 */
export function mapOpenAIFinishReason(finishReason: string | null | undefined): FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop'
    case 'length':
      return 'length'
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls'
    case 'content_filter':
      return 'content-filter'
    case null:
    case undefined:
      return 'unknown'
    default:
      return 'other'
  }
}
