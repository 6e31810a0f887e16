import { randomUUID } from 'node:crypto'
import type { Callback, CallbackKind } from './callback.js'
import { getSetting, runInFrame } from './settings-context.js'

/** What {@link withCallbacks} reports to the handlers. */
export interface CallbackEvent {
  /** Which handlers to call: `module` calls `onModuleStart`/`onModuleEnd`, and so on. */
  readonly kind: CallbackKind
  /** The object doing the work; its own `callbacks` list, if it has one, runs after the configured callbacks. */
  readonly instance: object
  /** The inputs of the work, given to the start handlers. */
  readonly inputs: Readonly<Record<string, unknown>>
}

type StartHandler = (callId: string, instance: object, inputs: Readonly<Record<string, unknown>>) => unknown
type EndHandler = (callId: string, outputs: unknown, exception: unknown) => unknown

/**
 * Runs `fn`, reporting it to the active callbacks (the configured `callbacks` setting, then the
 * instance's own `callbacks`): start handlers before, with a new call id, end handlers after, with
 * the outputs or what was thrown. While `fn` runs, {@link activeCallId} returns the call id.
 * Handler failures go to the settings' logger and never reach the caller. With no callbacks, this
 * only runs `fn`.
 *
 * @example
 * ```ts
 * const result = await withCallbacks({ kind: 'tool', instance: tool, inputs: args }, () => tool.run(args))
 * ```
 * @see dspy.utils.callback.with_callbacks
 */
export function withCallbacks<Result>(event: CallbackEvent, fn: () => Promise<Result> | Result): Promise<Result> {
  const own = (event.instance as { callbacks?: unknown }).callbacks
  const configured = getSetting('callbacks')
  if (configured.length === 0 && !(Array.isArray(own) && own.length > 0)) {
    // The common case, kept free of an extra async frame: every await costs promise hooks under AsyncLocalStorage.
    try {
      return Promise.resolve(fn())
    } catch (error) {
      return Promise.reject(error)
    }
  }
  return reportToCallbacks(event, [...configured, ...(Array.isArray(own) ? (own as Callback[]) : [])], fn)
}

async function reportToCallbacks<Result>(event: CallbackEvent, callbacks: readonly Callback[], fn: () => Promise<Result> | Result): Promise<Result> {
  const callId = randomUUID().replaceAll('-', '')
  const suffix = handlerSuffix(event.kind)
  for (const callback of callbacks) {
    const handler = (callback as Record<string, unknown>)[`on${suffix}Start`]
    if (typeof handler !== 'function') continue
    await isolate(`on${suffix}Start`, () => (handler as StartHandler).call(callback, callId, event.instance, event.inputs))
  }
  let outputs: unknown = null
  let exception: unknown = null
  try {
    outputs = await runInFrame({ activeCallId: callId }, fn)
    return outputs as Result
  } catch (error) {
    exception = error
    throw error
  } finally {
    for (const callback of callbacks) {
      const handler = (callback as Record<string, unknown>)[`on${suffix}End`]
      if (typeof handler !== 'function') continue
      await isolate(`on${suffix}End`, () => (handler as EndHandler).call(callback, callId, outputs, exception))
    }
  }
}

async function isolate(name: string, run: () => unknown): Promise<void> {
  try {
    await run()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    getSetting('logger').warn(`Error when calling callback handler ${name}: ${message}`)
  }
}

const handlerSuffixes: Readonly<Record<CallbackKind, string>> = {
  module: 'Module',
  lm: 'LM',
  adapterFormat: 'AdapterFormat',
  adapterParse: 'AdapterParse',
  tool: 'Tool',
  evaluate: 'Evaluate',
  compile: 'Compile',
}

function handlerSuffix(kind: CallbackKind): string {
  return handlerSuffixes[kind]
}
