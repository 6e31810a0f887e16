import { setMaxListeners } from 'node:events'
import { BatchError, type BatchFailure } from './errors/batch-error.js'
import { getSetting } from './settings-context.js'

/** Options of {@link Module.batch} and {@link runBatch}. */
export interface BatchOptions {
  /** How many items run at once; the `concurrency` setting (16) by default. */
  readonly concurrency?: number | undefined
  /** How many failures stop the batch (the rest are cancelled); the `maxErrors` setting (10) by default. `Infinity` never stops. */
  readonly maxErrors?: number | undefined
  /** Cancels the batch: running calls see the abort through their signal and nothing new starts. */
  readonly signal?: AbortSignal | undefined
  /**
   * What an abort through `signal` does: `throw` (the default) rejects with a {@link BatchError}
   * (`batch-aborted`); `return` resolves with what finished by then and `aborted: true`.
   */
  readonly onAbort?: 'throw' | 'return'
}

/** How one item of a batch ended, as {@link RunBatchHooks.onSettled} reports it. */
export type BatchOutcome<Output> = { readonly ok: true; readonly output: Output } | { readonly ok: false; readonly error: unknown }

/** Hooks of {@link runBatch}, for callers that follow the batch as it runs (progress bars). */
export interface RunBatchHooks<Output> {
  /**
   * Called once per item that finished, as it finishes (not in item order), before a failure is
   * counted against `maxErrors`. Not called for calls that end after the batch stopped. A hook
   * that throws fails the batch.
   */
  readonly onSettled?: (index: number, outcome: BatchOutcome<Output>) => void
}

/** What a finished batch gives back. */
export interface BatchResult<Output, Item = unknown> {
  /** One entry per item, in item order: the output, or `undefined` where the call failed. */
  readonly results: readonly (Output | undefined)[]
  /** The items that failed, in item order, with what they threw. */
  readonly failures: readonly BatchFailure<Item>[]
  /** `true` when `signal` stopped the batch and `onAbort` is `return`; items that never ran are `undefined` in `results`. */
  readonly aborted?: boolean
}

/**
 * Calls `run` on every item with at most `concurrency` calls at once, keeping results in item
 * order and failures per item. Each call gets an abort signal that fires when the batch stops.
 * Every call runs in the caller's async context, so settings scoped with `context` apply to all.
 *
 * With `onAbort: 'return'`, an abort resolves with what finished (`aborted: true`) instead of
 * throwing. `hooks.onSettled` sees each item as it finishes.
 *
 * @throws {BatchError} (`batch-max-errors`) once `maxErrors` items have failed, (`batch-aborted`)
 * when `signal` fires (unless `onAbort` is `return`), (`batch-invalid-options`) for a bad option;
 * the error keeps what finished.
 * @see dspy.utils.parallelizer.ParallelExecutor
 */
export async function runBatch<Item, Output>(
  items: readonly Item[],
  run: (item: Item, signal: AbortSignal, index: number) => Promise<Output>,
  options: BatchOptions = {},
  hooks: RunBatchHooks<Output> = {},
): Promise<BatchResult<Output, Item>> {
  const concurrency = options.concurrency ?? getSetting('concurrency')
  const maxErrors = options.maxErrors ?? getSetting('maxErrors')
  if (!Number.isInteger(concurrency) || concurrency < 1) throw invalidOption('concurrency', concurrency)
  if (!(Number.isInteger(maxErrors) || maxErrors === Number.POSITIVE_INFINITY) || maxErrors < 1) throw invalidOption('maxErrors', maxErrors)
  const onAbort = options.onAbort ?? 'throw'
  if (onAbort !== 'throw' && onAbort !== 'return') throw invalidOption('onAbort', onAbort, "'throw' or 'return'")
  const onSettled = hooks.onSettled
  const results: (Output | undefined)[] = new Array(items.length).fill(undefined)
  const failures: BatchFailure<Item>[] = []
  const controller = new AbortController()
  // Every running call may listen to this signal; hundreds at once are expected, not a leak.
  setMaxListeners(0, controller.signal)
  let stopped: BatchError | undefined
  let reject: (error: BatchError) => void = () => {}
  const stoppedEarly = new Promise<never>((_, rejectStop) => {
    reject = rejectStop
  })
  const stop = (code: 'batch-max-errors' | 'batch-aborted', cause?: unknown): void => {
    if (stopped !== undefined) return
    const message =
      code === 'batch-max-errors'
        ? `Execution cancelled due to errors or interruption: ${failures.length} of ${items.length} items failed (maxErrors is ${maxErrors}).`
        : 'Execution cancelled due to errors or interruption: the batch was aborted.'
    stopped = new BatchError({ message, code, results: [...results], failures: sortFailures(failures), cause })
    controller.abort(stopped)
    reject(stopped)
  }
  const signal = options.signal
  const abort = (): void => stop('batch-aborted', signal?.reason)
  if (signal?.aborted === true) abort()
  else signal?.addEventListener('abort', abort, { once: true })
  let next = 0
  const worker = async (): Promise<void> => {
    while (stopped === undefined && next < items.length) {
      const index = next
      next += 1
      const item = items[index] as Item
      let output: Output
      try {
        output = await run(item, controller.signal, index)
      } catch (error) {
        if (stopped !== undefined) return
        onSettled?.(index, { ok: false, error })
        failures.push({ index, item, error })
        if (failures.length >= maxErrors) stop('batch-max-errors', error)
        continue
      }
      if (stopped !== undefined) return
      results[index] = output
      onSettled?.(index, { ok: true, output })
    }
  }
  try {
    stoppedEarly.catch(() => {})
    const workers = Array.from({ length: Math.min(concurrency, items.length) }, worker)
    await Promise.race([Promise.all(workers), stoppedEarly])
    if (stopped !== undefined) throw stopped
    return { results, failures: sortFailures(failures) }
  } catch (error) {
    const halted: BatchError | undefined = stopped
    if (onAbort === 'return' && halted !== undefined && error === halted && halted.code === 'batch-aborted') {
      return { results: halted.results as (Output | undefined)[], failures: halted.failures as BatchFailure<Item>[], aborted: true }
    }
    throw error
  } finally {
    signal?.removeEventListener('abort', abort)
  }
}

function sortFailures<Item>(failures: readonly BatchFailure<Item>[]): BatchFailure<Item>[] {
  return [...failures].sort((left, right) => left.index - right.index)
}

function invalidOption(name: string, value: unknown, expected = 'a positive integer'): BatchError {
  return new BatchError({ message: `The batch option ${name} must be ${expected}, got ${String(value)}.`, code: 'batch-invalid-options' })
}
