import type { Example, Prediction, TraceEntry } from '@dspex/primitives'
import { MetricError } from '../errors/metric-error.js'
import { describeValueType } from './answer-list.js'

/**
 * What an LM-judged metric module ({@link SemanticF1}, {@link CompleteAndGrounded}) is called with:
 * the gold example, the program's prediction and, when an optimizer is bootstrapping, the trace.
 */
export interface JudgeInputs {
  /** The gold example (its `question` and `response` are read). */
  readonly example: Example<object>
  /** The program's prediction (its `response`, and `context` for groundedness, are read). */
  readonly prediction: Prediction<object>
  /** Present while an optimizer bootstraps: the judge then returns pass/fail against its threshold. */
  readonly trace?: readonly TraceEntry[] | undefined
}

/**
 * The value of field `key` of an example or prediction, for a judge's prompt.
 *
 * @throws {MetricError} (`metric-missing-field`) when the record does not hold `key`.
 */
export function judgeField(record: Example<object>, key: string, owner: 'example' | 'prediction', metricName: string): unknown {
  if (!record.has(key)) {
    throw new MetricError({ message: `${metricName}: the ${owner} has no '${key}' field.`, code: 'metric-missing-field', field: key })
  }
  return record.get(key)
}

/**
 * A judge's numeric output as a number (the signature types it `float`, so it is parsed already).
 *
 * @throws {MetricError} (`metric-invalid-value`) when the judge's output is not a finite number.
 */
export function judgeNumber(value: unknown, field: string, metricName: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new MetricError({
    message: `${metricName}: the judge's '${field}' is not a finite number (got ${describeValueType(value)}).`,
    code: 'metric-invalid-value',
    field,
  })
}
