import { isExample } from '@dspex/primitives'
import type { EvaluatedExample } from './evaluation-result.js'

/** One row of exported or displayed results: example and prediction fields, then the metric's score. */
export type ResultRow = Record<string, unknown>

/**
 * The name of a metric's column: the function's name (`answer_exact_match`), or `metric` for an
 * anonymous function.
 *
 * @see dspy.Evaluate (`metric.__name__`)
 */
export function metricName(metric: unknown): string {
  const name = typeof metric === 'function' ? metric.name : undefined
  return typeof name === 'string' && name.length > 0 ? name : 'metric'
}

/**
 * Turns results into flat rows, as DSPy prepares them for its table, CSV and JSON: the example's
 * fields and the prediction's fields merged (a key in both becomes `example_<key>` and
 * `pred_<key>`), then the score under the metric's name. A prediction that is not a record (a
 * string, a number) goes under `prediction` instead.
 *
 * @example
 * ```ts
 * resultsToRows(result.results, 'exactMatch')
 * // [{ question: 'What is 1+1?', example_answer: '2', pred_answer: '2', exactMatch: 1 }]
 * ```
 * @see dspy.Evaluate._prepare_results_output
 */
export function resultsToRows(results: readonly EvaluatedExample<unknown>[], metricColumn: string): ResultRow[] {
  const rows: ResultRow[] = new Array(results.length)
  for (let index = 0; index < results.length; index += 1) {
    const { example, prediction, score } = results[index] as EvaluatedExample<unknown>
    const fields = recordOf(prediction)
    const row = fields === undefined ? { ...example.toDict(), prediction } : mergeRecords(example.toDict(), fields)
    row[metricColumn] = score
    rows[index] = row
  }
  return rows
}

function recordOf(prediction: unknown): Record<string, unknown> | undefined {
  if (isExample(prediction)) return prediction.toDict()
  if (typeof prediction !== 'object' || prediction === null || Array.isArray(prediction)) return undefined
  const items = (prediction as { items?: unknown }).items
  if (typeof items === 'function') return Object.fromEntries(items.call(prediction) as Iterable<[string, unknown]>)
  return Object.getPrototypeOf(prediction) === Object.prototype || Object.getPrototypeOf(prediction) === null
    ? (prediction as Record<string, unknown>)
    : undefined
}

function mergeRecords(example: Record<string, unknown>, prediction: Record<string, unknown>): ResultRow {
  const merged: ResultRow = {}
  for (const key of Object.keys(example)) merged[Object.hasOwn(prediction, key) ? `example_${key}` : key] = example[key]
  for (const key of Object.keys(prediction)) merged[Object.hasOwn(example, key) ? `pred_${key}` : key] = prediction[key]
  return merged
}
