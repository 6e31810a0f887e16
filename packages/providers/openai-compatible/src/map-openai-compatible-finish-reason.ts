import type { FinishReason } from '@dspex/provider'

/**
 * Maps a Chat Completions `finish_reason` to ours: `stop` (and `eos`, some local servers), `length`, `tool_calls`
 * (and the legacy `function_call`), `content_filter`, DeepSeek's `insufficient_system_resource` as `error`;
 * anything else is `other`, and a missing reason is `unknown`.
 */
export function mapOpenAICompatibleFinishReason(finishReason: string | null | undefined): FinishReason {
  switch (finishReason) {
    case 'stop':
    case 'eos':
      return 'stop'
    case 'length':
      return 'length'
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls'
    case 'content_filter':
      return 'content-filter'
    case 'insufficient_system_resource':
      return 'error'
    case null:
    case undefined:
      return 'unknown'
    default:
      return 'other'
  }
}
