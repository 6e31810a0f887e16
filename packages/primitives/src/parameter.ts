import type { RegisteredType } from './settings-registry.js'

/** The marker every {@link Parameter} carries, so parameters are recognised across package copies. */
export const parameterMarker: unique symbol = Symbol.for('dspex.parameter')

/** The marker a {@link Predictor} carries on top of {@link parameterMarker}. */
export const predictorMarker: unique symbol = Symbol.for('dspex.predictor')

/**
 * Something an optimizer can tune and a program can save: DSPy's `Parameter` (a `Predict`, a
 * `Retrieve`). A module finds its parameters by walking its own properties (see
 * {@link Module.namedParameters}), saves them with `dumpState` and restores them with `loadState`.
 *
 * Implementers:
 * - `dumpState()` returns plain JSON data (DSPy's layout for a predictor: `traces, train, demos, signature, lm`).
 * - `loadState(state)` receives the value saved under this parameter's name, exactly as read. It must
 *   check it before changing anything and throw a {@link StateLoadError} naming the first bad key
 *   (relative to the parameter: `['demos', 0]`); the module adds the parameter's name in front.
 * - `copy()` returns an independent copy with the same state; {@link Module.deepcopy} uses it for
 *   every parameter it meets.
 * - `reset()` forgets what was learned (DSPy: `lm = None, traces = [], train = [], demos = []`).
 *
 * @see dspy.predict.parameter.Parameter
 */
export interface Parameter {
  /** Marks the object as a parameter. */
  readonly [parameterMarker]: true
  /** The LM this parameter calls, `null` for the configured one; absent on parameters that call no LM. */
  lm?: RegisteredType<'lm'> | null
  /** The state to save, as plain JSON data. */
  dumpState(): Record<string, unknown>
  /**
   * Applies saved state (validated first; nothing changes when it is rejected).
   *
   * @throws {StateLoadError} naming the first bad or missing key.
   */
  loadState(state: unknown): unknown
  /** Forgets demos, traces and the LM. */
  reset(): void
  /** An independent copy with the same state. */
  copy(): this
}

/**
 * A parameter that is a predictor (DSPy's `Predict` and what derives from it): what
 * {@link Module.namedPredictors} lists and optimizers give demos to.
 */
export interface Predictor extends Parameter {
  /** Marks the parameter as a predictor. */
  readonly [predictorMarker]: true
}

/** True when `value` carries the {@link parameterMarker}. */
export function isParameter(value: unknown): value is Parameter {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[parameterMarker] === true
}

/** True when `value` is a parameter that carries the {@link predictorMarker}. */
export function isPredictor(value: unknown): value is Predictor {
  return isParameter(value) && (value as unknown as Record<symbol, unknown>)[predictorMarker] === true
}
