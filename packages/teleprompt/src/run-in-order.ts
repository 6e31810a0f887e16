import { setMaxListeners } from 'node:events'

/** What the consumer of {@link runInOrder} says after each result. */
export type InOrderDecision = 'continue' | 'stop'

/** Options of {@link runInOrder}. */
export interface RunInOrderOptions {
  /** How many tasks run at once (a positive integer). */
  readonly concurrency: number
  /**
   * How far ahead of the accepted outcomes to start tasks right now, read before each launch; capped by
   * `concurrency`, at least 1. Lets a consumer that stops early avoid starting work it will discard.
   */
  readonly lookahead?: (() => number) | undefined
  /** Stops everything: running tasks see the abort and `runInOrder` rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
}

/**
 * Runs `task` on every item in a sliding window: item `i` starts once the outcome of item
 * `i - concurrency` was accepted, so at most `concurrency` tasks run at once and `concurrency: 1` is
 * strictly sequential. It hands the outcomes to `accept` strictly in item order, as a sequential loop would. When `accept`
 * answers `stop`, tasks still running are aborted through their signal and their outcomes, like
 * any outcome after the stop, are discarded. So a run gives the same accepted outcomes as a
 * sequential `for` loop with a `break`, only faster.
 *
 * A task that throws stops the run: `runInOrder` rejects with that error when its turn comes
 * (errors of later items are discarded). Resolves with the number of items whose outcome was handed to `accept`.
 *
 * @throws the signal's reason when `signal` fires; the first (in item order) error a task threw.
 */
export async function runInOrder<Item, Outcome>(
  items: readonly Item[],
  task: (item: Item, index: number, signal: AbortSignal) => Promise<Outcome>,
  accept: (outcome: Outcome, index: number) => InOrderDecision,
  options: RunInOrderOptions,
): Promise<number> {
  const { concurrency, signal, lookahead } = options
  const window = (): number => (lookahead === undefined ? concurrency : Math.min(concurrency, Math.max(1, Math.ceil(lookahead()))))
  signal?.throwIfAborted()
  const stop = new AbortController()
  const taskSignal = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal])
  // Every running task (and the calls inside it) listens to this one signal.
  setMaxListeners(0, stop.signal, taskSignal)
  const settled: ({ ok: true; value: Outcome } | { ok: false; error: unknown } | undefined)[] = new Array(items.length)
  let next = 0
  let consumed = 0
  let wake: (() => void) | undefined

  const launch = (): void => {
    while (next < consumed + window() && next < items.length && !taskSignal.aborted) {
      const index = next
      next += 1
      void Promise.resolve()
        .then(() => task(items[index] as Item, index, taskSignal))
        .then(
          (value) => {
            settled[index] = { ok: true, value }
          },
          (error: unknown) => {
            settled[index] = { ok: false, error }
          },
        )
        .finally(() => wake?.())
    }
  }

  const onAbort = (): void => wake?.()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    launch()
    for (let index = 0; index < items.length; index += 1) {
      while (settled[index] === undefined) {
        signal?.throwIfAborted()
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = undefined
      }
      signal?.throwIfAborted()
      const outcome = settled[index]
      settled[index] = undefined
      if (outcome === undefined) continue
      if (!outcome.ok) throw outcome.error
      if (accept(outcome.value, index) === 'stop') return index + 1
      consumed = index + 1
      launch()
    }
    return items.length
  } finally {
    signal?.removeEventListener('abort', onAbort)
    stop.abort(new Error('runInOrder: stopped after the accepted outcomes'))
  }
}
