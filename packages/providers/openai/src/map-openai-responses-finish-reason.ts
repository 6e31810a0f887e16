import type { FinishReason } from '@dspex/provider'

/**
 * Maps a response's `status` and `incomplete_details.reason` to a finish reason: a completed response is `stop`
 * (or `tool-calls` when it called a function); an incomplete one is `length` for `max_output_tokens`,
 * `content-filter` for `content_filter`, otherwise `other`; `failed` is `error`; anything else `unknown`.
 */
export function mapOpenAIResponsesFinishReason(
  status: string | undefined,
  incompleteReason: string | undefined,
  hasToolCalls: boolean,
): FinishReason {
  switch (status) {
    case 'completed':
      return hasToolCalls ? 'tool-calls' : 'stop'
    case 'incomplete':
      if (incompleteReason === 'max_output_tokens') return 'length'
      if (incompleteReason === 'content_filter') return 'content-filter'
      return 'other'
    case 'failed':
      return 'error'
    default:
      return 'unknown'
  }
}
