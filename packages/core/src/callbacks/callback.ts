/** The kinds of work that report to callbacks; each has a `on<Kind>Start` and `on<Kind>End` handler. */
export type CallbackKind = 'module' | 'lm' | 'adapterFormat' | 'adapterParse' | 'tool' | 'evaluate' | 'compile'

/**
 * Hooks called around module calls and, from the packages that run them, LM calls, adapter
 * format and parse, tools, evaluations and optimizer compiles. Every handler is optional. A start
 * handler gets a call id, the object doing the work and its inputs; the matching end handler gets
 * the same id, the outputs (`null` on failure) and what was thrown (`null` on success). Handlers
 * may be async (they are awaited). A handler that throws is reported to the settings' logger and
 * never breaks the call.
 *
 * Register callbacks for every call with `configure({ callbacks })` or `context({ callbacks }, fn)`,
 * or for one module with its `callbacks` option. Other packages add handlers by declaration merging (`declare module '@dspex/core'`).
 *
 * @example
 * ```ts
 * const timings: Callback = {
 *   onModuleStart: (callId, instance) => starts.set(callId, performance.now()),
 *   onModuleEnd: (callId) => console.log(performance.now() - (starts.get(callId) ?? 0)),
 * }
 * configure({ callbacks: [timings] })
 * ```
 * @see dspy.utils.callback.BaseCallback
 */
export interface Callback {
  /** Before a module's `forward` runs. */
  onModuleStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After a module's `forward` returned or threw. */
  onModuleEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before an LM call. */
  onLMStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After an LM call. */
  onLMEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before an adapter formats messages. */
  onAdapterFormatStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After an adapter formatted messages. */
  onAdapterFormatEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before an adapter parses a completion. */
  onAdapterParseStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After an adapter parsed a completion. */
  onAdapterParseEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before a tool runs. */
  onToolStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After a tool ran. */
  onToolEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before an evaluation. */
  onEvaluateStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After an evaluation. */
  onEvaluateEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
  /** Before an optimizer compiles a program. */
  onCompileStart?(callId: string, instance: object, inputs: Readonly<Record<string, unknown>>): void | Promise<void>
  /** After an optimizer compiled a program. */
  onCompileEnd?(callId: string, outputs: unknown, exception: unknown): void | Promise<void>
}
