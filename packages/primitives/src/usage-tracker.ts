import { isPlainObject } from './plain-object.js'

/** One value in a usage entry: a count, a nested breakdown, or nothing. */
export type UsageValue = number | null | UsageEntry

/** The usage one LM call reported: `{ prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: {...} }`. */
export interface UsageEntry {
  readonly [key: string]: UsageValue | undefined
}

/** Total usage per model id: `{ 'openai/gpt-4o-mini': { prompt_tokens: 120, ... } }`. */
export type UsageByModel = Record<string, UsageEntry>

/**
 * Collects the usage LM calls report while it is active (see {@link trackUsage}), per model id, and
 * sums it the way DSPy does: numbers add, nested breakdowns add key by key, `null` counts as 0
 * next to a number.
 *
 * @see dspy.utils.usage_tracker.UsageTracker
 */
export class UsageTracker {
  readonly #entries = new Map<string, UsageEntry[]>()

  /** Every entry recorded so far, per model id, in order. */
  get entries(): ReadonlyMap<string, readonly UsageEntry[]> {
    return this.#entries
  }

  /**
   * Records one call's usage for `model`. Empty entries are ignored; values with a `toJSON()`
   * method (provider usage objects) are replaced by its result.
   *
   * @see dspy.utils.usage_tracker.UsageTracker.add_usage
   */
  addUsage(model: string, usage: Readonly<Record<string, unknown>>): void {
    const entry = flattenUsageEntry(usage)
    if (Object.keys(entry).length === 0) return
    const list = this.#entries.get(model)
    if (list === undefined) this.#entries.set(model, [entry])
    else list.push(entry)
  }

  /** The summed usage per model id. @see dspy.utils.usage_tracker.UsageTracker.get_total_tokens */
  totals(): UsageByModel {
    const totals: UsageByModel = {}
    for (const [model, entries] of this.#entries) {
      let total: UsageEntry = {}
      for (const entry of entries) total = mergeUsageEntries(total, entry)
      totals[model] = total
    }
    return totals
  }
}

/**
 * Sums two usage entries as DSPy does: keys of `second` first, then those only in `first`;
 * numbers add (`null` counts as 0 when the other side is a number), nested entries merge.
 */
export function mergeUsageEntries(first: UsageEntry | null | undefined, second: UsageEntry | null | undefined): UsageEntry {
  if (first === null || first === undefined || Object.keys(first).length === 0) return { ...second }
  if (second === null || second === undefined || Object.keys(second).length === 0) return { ...first }
  const result: Record<string, UsageValue | undefined> = { ...second }
  for (const [key, value] of Object.entries(first)) {
    const current = result[key]
    if (isUsageEntry(value) || isUsageEntry(current)) {
      result[key] = mergeUsageEntries(asEntry(current), asEntry(value))
    } else if ((current !== null && current !== undefined) || (value !== null && value !== undefined)) {
      result[key] = (typeof current === 'number' ? current : 0) + (typeof value === 'number' ? value : 0)
    }
  }
  return result
}

function flattenUsageEntry(usage: Readonly<Record<string, unknown>>): UsageEntry {
  const entry: Record<string, UsageValue> = {}
  for (const [key, value] of Object.entries(usage)) {
    if (value === undefined) continue
    const json = value as { toJSON?: () => unknown }
    entry[key] = (typeof value === 'object' && value !== null && typeof json.toJSON === 'function' ? json.toJSON() : value) as UsageValue
  }
  return entry
}

function isUsageEntry(value: unknown): value is UsageEntry {
  return isPlainObject(value)
}

function asEntry(value: UsageValue | undefined): UsageEntry | undefined {
  return isUsageEntry(value) ? value : undefined
}
