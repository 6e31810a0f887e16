import { type Example, isPrediction, type Prediction, type TraceEntry } from '@dspex/primitives'

/**
 * What a metric may return: a number, a pass/fail boolean, or a Prediction carrying `score` (and,
 * for GEPA, `feedback`).
 */
export type MetricResult = number | boolean | Prediction<{ score: number | boolean; feedback?: string }>

/**
 * A metric scores a program's prediction against the gold example. `trace` is present when an
 * optimizer is bootstrapping (DSPy's convention: return a strict pass/fail then).
 *
 * @see dspy.Evaluate's `metric` argument
 */
export type Metric<ExampleData extends object = Record<string, unknown>, PredictionData extends object = Record<string, unknown>> = (
  example: Example<ExampleData>,
  prediction: Prediction<PredictionData>,
  trace?: readonly TraceEntry[],
) => MetricResult | Promise<MetricResult>

/**
 * The numeric score of a metric's result, as DSPy sums them: `true` is 1, `false` 0, a Prediction
 * its `score` field.
 *
 * @throws {PredictionError} when a Prediction has no usable `score` field.
 */
export function metricScore(result: MetricResult): number {
  if (typeof result === 'number') return result
  if (typeof result === 'boolean') return result ? 1 : 0
  return result.toNumber()
}

/** The `feedback` text of a metric's result, when it is a Prediction that has one. */
export function metricFeedback(result: MetricResult): string | undefined {
  if (!isPrediction(result) || !result.has('feedback')) return undefined
  const feedback = result.get('feedback')
  return typeof feedback === 'string' ? feedback : undefined
}
