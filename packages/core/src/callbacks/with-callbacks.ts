import type { CallbackKind } from './callback.js'

/** What a reported call tells the callbacks: which handlers run, the object doing the work, and its inputs. */
export interface CallbackEvent {
  /** Which handlers to call: `module` calls `onModuleStart`/`onModuleEnd`, `lm` calls `onLMStart`/`onLMEnd`, and so on. */
  readonly kind: CallbackKind
  /** The object doing the work; its own `callbacks` list, if it has one, runs after the configured callbacks. */
  readonly instance: object
  /** The inputs of the work, given to the start handlers. */
  readonly inputs: Readonly<Record<string, unknown>>
}

/**
 * Runs reported calls for every package. `@dspex/primitives` installs the one that reads the
 * `callbacks` setting when it loads; until then (or when no callback is registered) a reported
 * call only runs its function.
 */
export interface CallbackRunner {
  /** Runs `fn`, awaiting start handlers before and end handlers after. */
  run<Result>(event: CallbackEvent, fn: () => Promise<Result> | Result): Promise<Result>
  /** Runs a synchronous `fn`: handlers are called without being awaited (a promise they return is only watched for failure). */
  runSync<Result>(event: CallbackEvent, fn: () => Result): Result
  /** Whether a call of `instance` would reach any callback here (so a caller can skip building its event). */
  isActive(instance: object): boolean
}

// Kept on the global object, as OpenTelemetry's API keeps its registry, so two copies of this package share one runner.
const runnerSlot = Symbol.for('dspex.callback-runner')
const globalSlots = globalThis as { [runnerSlot]?: CallbackRunner }

/**
 * Installs the runner every reported call goes through (`@dspex/primitives` does this; a test may
 * install its own). Pass `undefined` to remove it.
 */
export function setCallbackRunner(runner: CallbackRunner | undefined): void {
  if (runner === undefined) delete globalSlots[runnerSlot]
  else globalSlots[runnerSlot] = runner
}

/**
 * Runs `fn` as a call reported to callbacks: the configured `callbacks` setting, then the
 * instance's own `callbacks`, get a start event with a new call id and the inputs, then an end
 * event with the outputs or what was thrown. Handler failures go to the settings' logger and
 * never reach the caller. With no callbacks this only runs `fn`.
 *
 * @example
 * ```ts
 * const result = await withCallbacks({ kind: 'tool', instance: tool, inputs: args }, () => tool.func(args))
 * ```
 * @see dspy.utils.callback.with_callbacks
 */
export function withCallbacks<Result>(event: CallbackEvent, fn: () => Promise<Result> | Result): Promise<Result> {
  const runner = globalSlots[runnerSlot]
  if (runner !== undefined) return runner.run(event, fn)
  try {
    return Promise.resolve(fn())
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * Whether a call of `instance` reported here would reach any callback: false when no runner is
 * installed or no callback is registered. Hot paths check it to skip building an event.
 */
export function hasCallbacks(instance: object): boolean {
  return globalSlots[runnerSlot]?.isActive(instance) ?? false
}

/**
 * {@link withCallbacks} for synchronous work (an adapter's `format` and `parse`): returns what `fn`
 * returns, with no promise in between. Handlers run synchronously and are not awaited.
 *
 * @see dspy.utils.callback.with_callbacks
 */
export function withCallbacksSync<Result>(event: CallbackEvent, fn: () => Result): Result {
  const runner = globalSlots[runnerSlot]
  return runner === undefined ? fn() : runner.runSync(event, fn)
}
