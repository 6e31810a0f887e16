import type { Callback } from '@dspex/core'
import { type Logger, processWarningLogger } from './logger.js'
import type { Module } from './module.js'
import type { Parameter } from './parameter.js'
import type { TraceEntry } from './record-trace.js'
import type { RegisteredType } from './settings-registry.js'
import type { UsageTracker } from './usage-tracker.js'

/**
 * DSPex settings, DSPy's keys in camelCase: read them with {@link settings}, set defaults with
 * {@link configure} and override them for one async scope with {@link context}.
 *
 * Other packages add keys by declaration merging (new keys must be optional, since they have no
 * default here) and give `lm`, `adapter` and `rm` their types through {@link SettingsRegistry}.
 *
 * @see dspy.settings
 */
export interface Settings {
  /** The LM predictors call when they have none of their own. */
  lm: RegisteredType<'lm'> | null
  /** The adapter (format) predictors use; `null` for the chat format. */
  adapter: RegisteredType<'adapter'> | null
  /** The retriever `Retrieve` uses. */
  rm: RegisteredType<'rm'> | null
  /** Which branch of a multi-branch run is active. */
  branchIdx: number
  /** Where predictors append `[predictor, inputs, prediction]` after each call; `null` turns tracing off. Optimizers scope a fresh list with `context`. */
  trace: TraceEntry[] | null
  /** Callbacks called for every module (and LM, adapter, tool ...) call. */
  callbacks: readonly Callback[]
  /** When true, LM calls are not added to any history. */
  disableHistory: boolean
  /** When true, each top-level module call attaches the LM usage it caused to its prediction. */
  trackUsage: boolean
  /** The usage tracker LM usage is added to (set by {@link trackUsage} and by module calls that track usage). */
  usageTracker: UsageTracker | null
  /** The predictor whose LM call is running (set by predictors). */
  callerPredict: Parameter | null
  /** The modules whose calls are running, outermost first (set by {@link Module.call}). */
  callerModules: readonly Module<object, unknown>[]
  /** Whether batch and evaluation failures should carry stack traces when reported. */
  provideTraceback: boolean
  /** How many items batches and evaluations run at once (DSPy's `num_threads`, 8 there; 16 here: calls wait on I/O, not threads). */
  concurrency: number
  /** How many failures a batch or evaluation tolerates before it cancels the rest. */
  maxErrors: number
  /** How many LM calls each module's history keeps. */
  maxHistorySize: number
  /** How many entries the trace keeps. */
  maxTraceSize: number
  /** Whether predictors warn when an input does not match its field's type. */
  warnOnTypeMismatch: boolean
  /** Where warnings go (DSPy logs them). */
  logger: Logger
}

/**
 * A fresh copy of DSPy's default settings (the trace is a new empty list each time).
 * `configure(defaultSettings())` puts every key defined here back to its default.
 *
 * @see dspy.dsp.utils.settings.DEFAULT_CONFIG
 */
export function defaultSettings(): Settings {
  return {
    lm: null,
    adapter: null,
    rm: null,
    branchIdx: 0,
    trace: [],
    callbacks: [],
    disableHistory: false,
    trackUsage: false,
    usageTracker: null,
    callerPredict: null,
    callerModules: [],
    provideTraceback: false,
    concurrency: 16,
    maxErrors: 10,
    maxHistorySize: 10000,
    maxTraceSize: 10000,
    warnOnTypeMismatch: true,
    logger: processWarningLogger,
  }
}
