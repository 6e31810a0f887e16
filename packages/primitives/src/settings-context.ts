import { AsyncLocalStorage } from 'node:async_hooks'
import { setCallbackRunner } from '@dspex/core'
import { defaultSettings, type Settings } from './settings.js'
import { createSettingsCallbackRunner } from './settings-callback-runner.js'

/** What one async scope sees: its setting overrides, the running callback call id and the abort signal. */
interface ContextFrame {
  readonly overrides: Readonly<Partial<Settings>>
  readonly activeCallId: string | null
  readonly signal: AbortSignal | undefined
  /** The merged settings, computed on first read and kept while the global settings are unchanged. */
  merged?: Readonly<Settings>
  mergedVersion?: number
}

/** Changes a scope makes to its parent's frame. */
export interface FrameChanges {
  readonly overrides?: Readonly<Partial<Settings>>
  readonly activeCallId?: string | null
  readonly signal?: AbortSignal | undefined
}

const storage = new AsyncLocalStorage<ContextFrame>()
let globalSettings: Readonly<Settings> = Object.freeze(defaultSettings())
let globalVersion = 0

/**
 * Changes the global defaults every scope reads unless it overrides them. Keys left out (or
 * `undefined`) keep their value. Scopes opened by {@link context} see the change too, for keys
 * they do not override.
 *
 * @example
 * ```ts
 * configure({ lm: openai('gpt-4o-mini'), trackUsage: true })
 * ```
 * @see dspy.configure
 */
export function configure(changes: { readonly [Key in keyof Settings]?: Settings[Key] | undefined }): void {
  globalSettings = Object.freeze({ ...globalSettings, ...definedEntries(changes) })
  globalVersion += 1
}

/**
 * Runs `fn` with `overrides` on top of the current settings, for `fn` and everything it starts,
 * awaits included; other concurrent work never sees them. Returns what `fn` returns (a promise
 * for an async `fn`). Scopes nest: an inner scope sees the outer overrides unless it replaces them.
 *
 * @example
 * ```ts
 * const answer = await context({ lm: cheaperLM }, () => program.call({ question }))
 * ```
 * @see dspy.context
 */
export function context<Result>(overrides: { readonly [Key in keyof Settings]?: Settings[Key] | undefined }, fn: () => Result): Result {
  return runInFrame({ overrides: definedEntries(overrides) }, fn)
}

/**
 * The settings in effect here: the innermost {@link context} overrides, then the global ones.
 * The object is frozen; it is a snapshot, so read it again after awaiting a configuration change.
 *
 * @see dspy.settings
 */
export function settings(): Readonly<Settings> {
  const frame = storage.getStore()
  if (frame === undefined || Object.keys(frame.overrides).length === 0) return globalSettings
  if (frame.merged === undefined || frame.mergedVersion !== globalVersion) {
    frame.merged = Object.freeze({ ...globalSettings, ...frame.overrides })
    frame.mergedVersion = globalVersion
  }
  return frame.merged
}

/** One setting in effect here, without building the merged object. */
export function getSetting<Key extends keyof Settings>(key: Key): Settings[Key] {
  const overrides = storage.getStore()?.overrides
  return overrides !== undefined && Object.hasOwn(overrides, key) ? (overrides[key] as Settings[Key]) : globalSettings[key]
}

/** The setting overrides of the innermost scope (not the global settings). */
export function contextOverrides(): Readonly<Partial<Settings>> {
  return storage.getStore()?.overrides ?? {}
}

/**
 * The call id of the callback-reporting call that is running here (a module call, an LM call
 * ...), or `null`; handlers use it to link a call to its parent.
 *
 * @see dspy.utils.callback.ACTIVE_CALL_ID
 */
export function activeCallId(): string | null {
  return storage.getStore()?.activeCallId ?? null
}

/** The abort signal of the module call running here, or `undefined`. */
export function activeSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal
}

/** Runs `fn` in a new scope: the current one with `changes` applied. */
export function runInFrame<Result>(changes: FrameChanges, fn: () => Result): Result {
  const parent = storage.getStore()
  const frame: ContextFrame = {
    overrides: changes.overrides === undefined ? (parent?.overrides ?? {}) : { ...parent?.overrides, ...changes.overrides },
    activeCallId: changes.activeCallId === undefined ? (parent?.activeCallId ?? null) : changes.activeCallId,
    signal: 'signal' in changes ? changes.signal : parent?.signal,
  }
  return storage.run(frame, fn)
}

function definedEntries(changes: { readonly [Key in keyof Settings]?: Settings[Key] | undefined }): Partial<Settings> {
  const defined: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) defined[key] = value
  return defined as Partial<Settings>
}

// Every package reports calls through @dspex/core; the callbacks they reach are these settings'.
setCallbackRunner(
  createSettingsCallbackRunner({
    callbacks: () => getSetting('callbacks'),
    logger: () => getSetting('logger'),
    withCallId: (callId, fn) => runInFrame({ activeCallId: callId }, fn),
  }),
)
