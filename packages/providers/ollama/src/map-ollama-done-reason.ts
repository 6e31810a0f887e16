import type { FinishReason } from '@dspex/provider'

/**
 * Maps Ollama's `done_reason` to ours. Ollama says `stop` even when the model called tools, so a reply with
 * tool calls is `tool-calls`; `length` is `length`; `load`/`unload` and anything else are `other`; none is `unknown`.
 */
export function mapOllamaDoneReason(doneReason: string | null | undefined, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls && (doneReason === 'stop' || doneReason === undefined || doneReason === null)) return 'tool-calls'
  switch (doneReason) {
    case 'stop':
      return 'stop'
    case 'length':
      return 'length'
    case null:
    case undefined:
      return 'unknown'
    default:
      return 'other'
  }
}
