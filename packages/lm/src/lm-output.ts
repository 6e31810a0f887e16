import type { FinishReason, GenerateChoice, GenerateResult, ToolCallPart, Usage } from '@dspex/provider'
import type { LMHistoryEntry } from './lm-history.js'

/**
 * One completion of an LM call: its text, any reasoning and tool calls.
 *
 * @see DSPy's LM outputs (`text`, `reasoning_content`, `tool_calls`), which DSPex always returns
 *   as objects rather than bare strings.
 */
export interface LMOutput {
  /** The text, or `null` when the model answered only with tool calls. */
  readonly text: string | null
  readonly reasoning?: string
  readonly toolCalls?: readonly ToolCallPart[]
  readonly finishReason: FinishReason
}

/** What `LM.call` returns. */
export interface LMCallResult {
  /** One output per completion, `n` of them when `n` was set. */
  readonly outputs: readonly LMOutput[]
  /** The model's result, with the choices of every follow-up call merged in and usage summed. */
  readonly result: GenerateResult
  /** Tokens used; `undefined` on a cache hit, which costs nothing. */
  readonly usage: Usage | undefined
  /** True when the answer came from the cache. */
  readonly cacheHit: boolean
  /** The LM's model string (`openai/gpt-4o-mini`). */
  readonly model: string
  /** The id of the history entry recorded for this call. */
  readonly uuid: string
  /** The history entry recorded for this call (modules add the same entry to their own history). */
  readonly historyEntry: LMHistoryEntry
}

/** The output of one choice. */
export function toLMOutput(choice: GenerateChoice): LMOutput {
  return {
    text: choice.text,
    finishReason: choice.finishReason,
    ...(choice.reasoning === undefined ? {} : { reasoning: choice.reasoning }),
    ...(choice.toolCalls === undefined || choice.toolCalls.length === 0 ? {} : { toolCalls: choice.toolCalls }),
  }
}
