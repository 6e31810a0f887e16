import { randomUUID } from 'node:crypto'
import type { Callback, CallbackEvent, CallbackKind, CallbackRunner } from '@dspex/core'
import type { Logger } from './logger.js'

/** What the runner reads from the settings context (given by `settings-context.ts`, which installs the runner). */
export interface CallbackRunnerContext {
  /** The configured `callbacks` setting in effect here. */
  readonly callbacks: () => readonly Callback[]
  /** The `logger` setting in effect here. */
  readonly logger: () => Logger
  /** Runs `fn` with {@link activeCallId} returning `callId`. */
  readonly withCallId: <Result>(callId: string, fn: () => Result) => Result
}

type StartHandler = (callId: string, instance: object, inputs: Readonly<Record<string, unknown>>) => unknown
type EndHandler = (callId: string, outputs: unknown, exception: unknown) => unknown

const handlerSuffixes: Readonly<Record<CallbackKind, string>> = {
  module: 'Module',
  lm: 'LM',
  adapterFormat: 'AdapterFormat',
  adapterParse: 'AdapterParse',
  tool: 'Tool',
  evaluate: 'Evaluate',
  compile: 'Compile',
}

/**
 * The callbacks a call reports to: the configured `callbacks` setting, then the instance's own
 * `callbacks` list; `undefined` when there are none (the common case, kept free of any allocation).
 */
function activeCallbacks(context: CallbackRunnerContext, instance: object): readonly Callback[] | undefined {
  const own = (instance as { callbacks?: unknown }).callbacks
  const configured = context.callbacks()
  const hasOwn = Array.isArray(own) && own.length > 0
  if (configured.length === 0) return hasOwn ? (own as Callback[]) : undefined
  return hasOwn ? [...configured, ...(own as Callback[])] : configured
}

/**
 * The runner `@dspex/primitives` installs in `@dspex/core`: handlers of the event's kind, a new
 * 32-hex call id per call, the active call id set while the work runs (not while start handlers
 * run, as in DSPy), and handler failures reported to the logger.
 */
export function createSettingsCallbackRunner(context: CallbackRunnerContext): CallbackRunner {
  const isolate = isolateWith(context)
  const watch = watchWith(context)
  return {
    isActive: (instance) => activeCallbacks(context, instance) !== undefined,
    run<Result>(event: CallbackEvent, fn: () => Promise<Result> | Result): Promise<Result> {
      const callbacks = activeCallbacks(context, event.instance)
      if (callbacks === undefined) {
        // No extra async frame on the common path: every await costs promise hooks under AsyncLocalStorage.
        try {
          return Promise.resolve(fn())
        } catch (error) {
          return Promise.reject(error)
        }
      }
      return runReported(context, isolate, event, callbacks, fn)
    },
    runSync<Result>(event: CallbackEvent, fn: () => Result): Result {
      const callbacks = activeCallbacks(context, event.instance)
      if (callbacks === undefined) return fn()
      const callId = newCallId()
      const suffix = handlerSuffixes[event.kind]
      for (const callback of callbacks) callStart(callback, suffix, callId, event, watch)
      let outputs: unknown = null
      let exception: unknown = null
      try {
        outputs = context.withCallId(callId, fn)
        return outputs as Result
      } catch (error) {
        exception = error
        throw error
      } finally {
        for (const callback of callbacks) callEnd(callback, suffix, callId, outputs, exception, watch)
      }
    },
  }
}

async function runReported<Result>(
  context: CallbackRunnerContext,
  isolate: Guard,
  event: CallbackEvent,
  callbacks: readonly Callback[],
  fn: () => Promise<Result> | Result,
): Promise<Result> {
  const callId = newCallId()
  const suffix = handlerSuffixes[event.kind]
  for (const callback of callbacks) await callStart(callback, suffix, callId, event, isolate)
  let outputs: unknown = null
  let exception: unknown = null
  try {
    outputs = await context.withCallId(callId, fn)
    return outputs as Result
  } catch (error) {
    exception = error
    throw error
  } finally {
    for (const callback of callbacks) await callEnd(callback, suffix, callId, outputs, exception, isolate)
  }
}

type Guard = (name: string, run: () => unknown) => Promise<void> | undefined

function callStart(callback: Callback, suffix: string, callId: string, event: CallbackEvent, guard: Guard): Promise<void> | undefined {
  const name = `on${suffix}Start`
  const handler = (callback as Record<string, unknown>)[name]
  if (typeof handler !== 'function') return undefined
  return guard(name, () => (handler as StartHandler).call(callback, callId, event.instance, event.inputs))
}

function callEnd(callback: Callback, suffix: string, callId: string, outputs: unknown, exception: unknown, guard: Guard): Promise<void> | undefined {
  const name = `on${suffix}End`
  const handler = (callback as Record<string, unknown>)[name]
  if (typeof handler !== 'function') return undefined
  return guard(name, () => (handler as EndHandler).call(callback, callId, outputs, exception))
}

function newCallId(): string {
  return randomUUID().replaceAll('-', '')
}

/** Runs a handler and awaits it; a failure, thrown or rejected, goes to the logger. */
function isolateWith(context: CallbackRunnerContext): Guard {
  return async (name, run) => {
    try {
      await run()
    } catch (error) {
      reportHandlerFailure(context, name, error)
    }
  }
}

/** Runs a handler without awaiting it; a failure, thrown or rejected later, goes to the logger. */
function watchWith(context: CallbackRunnerContext): Guard {
  return (name, run) => {
    try {
      const result = run()
      if (result instanceof Promise) result.catch((error: unknown) => reportHandlerFailure(context, name, error))
    } catch (error) {
      reportHandlerFailure(context, name, error)
    }
    return undefined
  }
}

function reportHandlerFailure(context: CallbackRunnerContext, name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  context.logger().warn(`Error when calling callback handler ${name}: ${message}`)
}
