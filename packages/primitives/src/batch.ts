import { BatchError, type BatchFailure } from './errors/batch-error.js'
import { getSetting } from './settings-context.js'

/** Options of {@link Module.batch} and {@link runBatch}. */
export interface BatchOptions {
  /** How many items run at once; the `concurrency` setting (8) by default. */
  readonly concurrency?: number
  /** How many failures stop the batch (the rest are cancelled); the `maxErrors` setting (10) by default. `Infinity` never stops. */
  readonly maxErrors?: number
  /** Cancels the batch: running calls see the abort through their signal and nothing new starts. */
  readonly signal?: AbortSignal
}

/** What a finished batch gives back. */
export interface BatchResult<Output, Item = unknown> {
  /** One entry per item, in item order: the output, or `undefined` where the call failed. */
  readonly results: readonly (Output | undefined)[]
  /** The items that failed, in item order, with what they threw. */
  readonly failures: readonly BatchFailure<Item>[]
}

/**
 * Calls `run` on every item with at most `concurrency` calls at once, keeping results in item
 * order and failures per item. Each call gets an abort signal that fires when the batch stops.
 * Every call runs in the caller's async context, so settings scoped with `context` apply to all.
 *
 * @throws {BatchError} (`batch-max-errors`) once `maxErrors` items have failed, (`batch-aborted`)
 * when `signal` fires, (`batch-invalid-options`) for a bad option; the error keeps what finished.
 * @see dspy.utils.parallelizer.ParallelExecutor
 */
export async function runBatch<Item, Output>(
  items: readonly Item[],
  run: (item: Item, signal: AbortSignal, index: number) => Promise<Output>,
  options: BatchOptions = {},
): Promise<BatchResult<Output, Item>> {
  const concurrency = options.concurrency ?? getSetting('concurrency')
  const maxErrors = options.maxErrors ?? getSetting('maxErrors')
  if (!Number.isInteger(concurrency) || concurrency < 1) throw invalidOption('concurrency', concurrency)
  if (!(Number.isInteger(maxErrors) || maxErrors === Number.POSITIVE_INFINITY) || maxErrors < 1) throw invalidOption('maxErrors', maxErrors)
  const results: (Output | undefined)[] = new Array(items.length).fill(undefined)
  const failures: BatchFailure<Item>[] = []
  const controller = new AbortController()
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
  const onAbort = (): void => stop('batch-aborted', signal?.reason)
  if (signal?.aborted === true) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  let next = 0
  const worker = async (): Promise<void> => {
    while (stopped === undefined && next < items.length) {
      const index = next
      next += 1
      const item = items[index] as Item
      try {
        results[index] = await run(item, controller.signal, index)
      } catch (error) {
        if (stopped !== undefined) return
        failures.push({ index, item, error })
        if (failures.length >= maxErrors) stop('batch-max-errors', error)
      }
    }
  }
  try {
    stoppedEarly.catch(() => {})
    const workers = Array.from({ length: Math.min(concurrency, items.length) }, worker)
    await Promise.race([Promise.all(workers), stoppedEarly])
    if (stopped !== undefined) throw stopped
    return { results, failures: sortFailures(failures) }
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

function sortFailures<Item>(failures: readonly BatchFailure<Item>[]): BatchFailure<Item>[] {
  return [...failures].sort((left, right) => left.index - right.index)
}

function invalidOption(name: string, value: unknown): BatchError {
  return new BatchError({ message: `The batch option ${name} must be a positive integer, got ${String(value)}.`, code: 'batch-invalid-options' })
}
