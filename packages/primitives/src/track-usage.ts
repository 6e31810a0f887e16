import { context, getSetting } from './settings-context.js'
import { type UsageByModel, UsageTracker } from './usage-tracker.js'

/** What {@link trackUsage} returns: the result of the work and the usage it caused. */
export interface TrackedUsage<Result> {
  /** What the function returned. */
  readonly result: Result
  /** The usage of every LM call made while it ran, summed per model id. */
  readonly usage: UsageByModel
}

/**
 * Runs `fn` with a fresh {@link UsageTracker} in effect, so every LM call it makes (awaits and
 * concurrent work it starts included, other concurrent work not) adds its usage there, and returns
 * the result with the summed usage per model id. Module calls inside do not attach usage to their
 * predictions, as in DSPy, since the usage goes to this tracker.
 *
 * @example
 * ```ts
 * const { result, usage } = await trackUsage(() => program.batch(devset))
 * usage['openai/gpt-4o-mini']?.prompt_tokens
 * ```
 * @see dspy.track_usage
 */
export async function trackUsage<Result>(fn: (tracker: UsageTracker) => Promise<Result> | Result): Promise<TrackedUsage<Result>> {
  const tracker = new UsageTracker()
  const result = await context({ usageTracker: tracker }, () => fn(tracker))
  return { result, usage: tracker.totals() }
}

/**
 * Adds one LM call's usage to the usage tracker in effect, if any. What predictors (or LM
 * wrappers) call after each uncached LM call.
 *
 * @see dspy.clients.base_lm.BaseLM (the `usage_tracker.add_usage` call)
 */
export function recordUsage(model: string, usage: Readonly<Record<string, unknown>>): void {
  getSetting('usageTracker')?.addUsage(model, usage)
}
