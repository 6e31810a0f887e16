import type { Parameter } from './parameter.js'
import type { Prediction } from './prediction.js'
import { getSetting } from './settings-context.js'

/** One predictor call in the trace: the predictor, the inputs it was called with and its prediction. */
export type TraceEntry = readonly [predictor: Parameter, inputs: Readonly<Record<string, unknown>>, prediction: Prediction<object>]

/**
 * Appends a predictor call to the trace in effect (the `trace` setting), dropping the oldest
 * entry when it holds `maxTraceSize` already. Does nothing when the trace is `null` or
 * `maxTraceSize` is 0. Predictors call this after each call.
 *
 * @see dspy.Predict.forward (the trace bookkeeping)
 */
export function recordTrace(predictor: Parameter, inputs: Readonly<Record<string, unknown>>, prediction: Prediction<object>): void {
  const trace = getSetting('trace')
  const maxTraceSize = getSetting('maxTraceSize')
  if (trace === null || maxTraceSize <= 0) return
  while (trace.length >= maxTraceSize) trace.shift()
  trace.push([predictor, { ...inputs }, prediction])
}
