import { MetricError } from '../errors/metric-error.js'

/**
 * Checks that `answers` is a non-empty list of strings (DSPy's EM/F1 require a list and take the
 * `max` over it, so an empty list fails there too) and returns it.
 *
 * @throws {MetricError} (`metric-invalid-answers`) when it is not a list or is empty,
 *   (`metric-invalid-value`) when an answer is not a string.
 */
export function checkAnswerList(answers: unknown, metricName: string): readonly string[] {
  if (!Array.isArray(answers)) {
    throw new MetricError({
      message: `${metricName}: the reference answers must be a list, got ${describeValueType(answers)}.`,
      code: 'metric-invalid-answers',
    })
  }
  if (answers.length === 0) {
    throw new MetricError({ message: `${metricName}: the list of reference answers is empty.`, code: 'metric-invalid-answers' })
  }
  for (const [index, answer] of answers.entries()) {
    if (typeof answer !== 'string') {
      throw new MetricError({
        message: `${metricName}: reference answer ${index} is not a string (got ${describeValueType(answer)}).`,
        code: 'metric-invalid-value',
      })
    }
  }
  return answers as readonly string[]
}

/**
 * Checks that a value compared as text is a string and returns it.
 *
 * @throws {MetricError} (`metric-invalid-value`) when it is not.
 */
export function checkText(value: unknown, what: string, metricName: string): string {
  if (typeof value === 'string') return value
  throw new MetricError({ message: `${metricName}: ${what} must be a string, got ${describeValueType(value)}.`, code: 'metric-invalid-value' })
}

/** A short name for the type of a value, for error messages (`string`, `list`, `null`...). */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  return typeof value
}
