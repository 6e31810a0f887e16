import type { FinishReason } from '@dspex/provider'

const contentFilterReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT'])

/**
 * Maps Gemini's `finishReason` (or a `promptFeedback.blockReason`) to a DSPex finish reason.
 * `STOP` becomes `tool-calls` when the candidate called functions.
 *
 * @param finishReason - Gemini's reason (`STOP`, `MAX_TOKENS`, `SAFETY`...), if any.
 * @param hasToolCalls - Whether the candidate holds function calls.
 */
export function mapGoogleFinishReason(finishReason: string | null | undefined, hasToolCalls = false): FinishReason {
  if (finishReason === undefined || finishReason === null || finishReason === 'FINISH_REASON_UNSPECIFIED') return 'unknown'
  if (finishReason === 'STOP') return hasToolCalls ? 'tool-calls' : 'stop'
  if (finishReason === 'MAX_TOKENS') return 'length'
  if (contentFilterReasons.has(finishReason)) return 'content-filter'
  if (finishReason === 'MALFORMED_FUNCTION_CALL' || finishReason === 'UNEXPECTED_TOOL_CALL') return 'error'
  return 'other'
}
