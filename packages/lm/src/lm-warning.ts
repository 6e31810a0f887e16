/**
 * What a warning is about. DSPy logs these; DSPex never writes to the console and hands them to
 * an `onWarning` hook instead.
 */
export type LMWarningCode =
  /** A cache lookup failed or found a corrupt entry; the call went to the model. */
  | 'cache-read-failed'
  /** Storing a result in the cache failed; the result is still returned. */
  | 'cache-write-failed'
  /** The request could not be turned into a cache key (a value JSON cannot hold); it was not cached. */
  | 'cache-key-failed'
  /** A rollout id was set with temperature 0, where every rollout gives the same answer. */
  | 'rollout-id-without-temperature'
  /** A completion stopped because it reached `maxTokens`. */
  | 'response-truncated'
  /** The provider returned fewer completions than `n`, even when asked again. */
  | 'fewer-completions'
  /** A warning the provider attached to its result. */
  | 'provider-warning'
  /** A saved state held keys that were dropped on load (`api_base`, `base_url`, `model_list`). */
  | 'unsafe-state-dropped'

/** A warning from an `LM` or a `Cache`. */
export interface LMWarning {
  readonly code: LMWarningCode
  /** What happened, in a sentence. */
  readonly message: string
  /** The model string of the LM involved, when there is one. */
  readonly model?: string
  /** The error behind the warning, if any. */
  readonly cause?: unknown
}

/** Receives warnings; see {@link LMWarning}. Errors it throws are ignored. */
export type LMWarningHandler = (warning: LMWarning) => void

/** Calls `handler` with `warning` when there is a handler, ignoring anything it throws. */
export function emitWarning(handler: LMWarningHandler | undefined, warning: LMWarning): void {
  if (handler === undefined) return
  try {
    handler(warning)
  } catch {
    // A warning hook must never break the call that warned.
  }
}
