import type { FinishReason } from '@dspex/provider'

/**
 * Maps an Anthropic `stop_reason` to a DSPex finish reason.
 *
 * @param stopReason - The `stop_reason` of a message (or of a `message_delta` event).
 * @param isJSONTool - True when the forced `json` tool produced the answer, so `tool_use` means a normal stop.
 * @returns `stop` for `end_turn`/`stop_sequence`/`pause_turn`, `length` for `max_tokens`, `tool-calls` for `tool_use`,
 *   `refusal` for `refusal`, `length` for `model_context_window_exceeded`, `unknown` otherwise.
 */
export function mapAnthropicStopReason(stopReason: string | null | undefined, isJSONTool = false): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop'
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length'
    case 'tool_use':
      return isJSONTool ? 'stop' : 'tool-calls'
    case 'refusal':
      return 'refusal'
    default:
      return 'unknown'
  }
}
