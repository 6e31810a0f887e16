import type { Message, Usage } from '@dspex/provider'
import { BoundedHistory } from './bounded-history.js'
import type { LMOutput } from './lm-output.js'

/**
 * One recorded LM call. Secrets never appear: `kwargs` holds the request options without headers,
 * API keys, endpoints or the abort signal.
 *
 * @see DSPy's history entries (`dspy/clients/base_lm.py`).
 */
export interface LMHistoryEntry {
  readonly messages: readonly Message[]
  /** The request options of the call (DSPy's `kwargs`): merged LM defaults and call options. */
  readonly kwargs: Readonly<Record<string, unknown>>
  readonly outputs: readonly LMOutput[]
  /** Tokens used; `undefined` on a cache hit. */
  readonly usage: Usage | undefined
  /** The LM's model string. */
  readonly model: string
  /** The model id the provider reported, when it did. */
  readonly responseModel: string | undefined
  readonly modelType: 'chat'
  /** When the call finished, as an ISO 8601 string. */
  readonly timestamp: string
  readonly uuid: string
  readonly cacheHit: boolean
}

/** How many entries the global history keeps (DSPy's `MAX_HISTORY_SIZE`). */
export const maxGlobalHistorySize = 10_000

const globalHistoryKey = Symbol.for('dspex.lm.global-history.v2')
const globalSlots = globalThis as Record<symbol, unknown>
globalSlots[globalHistoryKey] ??= new BoundedHistory<LMHistoryEntry>(maxGlobalHistorySize)
const globalHistory = globalSlots[globalHistoryKey] as BoundedHistory<LMHistoryEntry>

/** Records `entry` in the global history shared by every LM in the process. */
export function recordGlobalHistory(entry: LMHistoryEntry): void {
  globalHistory.push(entry)
}

/**
 * The calls of every LM in the process, oldest first (at most {@link maxGlobalHistorySize}).
 *
 * @see DSPy's `GLOBAL_HISTORY`.
 */
export function getGlobalHistory(): readonly LMHistoryEntry[] {
  return globalHistory.entries()
}

/** Empties the global history. */
export function clearGlobalHistory(): void {
  globalHistory.clear()
}
