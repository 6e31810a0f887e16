import type { Example, Prediction, TraceEntry } from '@dspex/primitives'
import { MetricError } from '../errors/metric-error.js'
import { checkAnswerList, checkText, describeValueType } from './answer-list.js'
import { exactMatch } from './exact-match.js'
import { f1Score } from './f1-score.js'

/** Options of {@link answerExactMatch}. */
export interface AnswerExactMatchOptions {
  /** 1 (the default) or more asks for an exact match; below 1, the best token F1 must reach `frac`. */
  readonly frac?: number
}

/**
 * Reads `example.answer` as a list of reference answers: a string becomes a one-item list, a list
 * is checked to hold strings.
 *
 * @throws {MetricError} (`metric-missing-field`) when the example has no `answer`,
 *   (`metric-invalid-answer-type`) when it is neither a string nor a list.
 */
export function referenceAnswers(example: Example<object>, metricName: string): readonly string[] {
  if (!example.has('answer')) {
    throw new MetricError({ message: `${metricName}: the example has no 'answer' field.`, code: 'metric-missing-field', field: 'answer' })
  }
  const answer = example.get('answer' as never) as unknown
  if (typeof answer === 'string') return [answer]
  if (Array.isArray(answer)) return checkAnswerList(answer, metricName)
  throw new MetricError({
    message: `${metricName}: Invalid answer type: ${describeValueType(answer)} (expected a string or a list of strings).`,
    code: 'metric-invalid-answer-type',
    field: 'answer',
  })
}

/**
 * Whether the prediction's `answer` matches the example's `answer` (a string or a list of
 * acceptable strings): by exact match after normalization when `frac` is 1 or more (the default),
 * otherwise by the best token F1 reaching `frac`. `trace` is accepted for the metric convention and
 * not used.
 *
 * @throws {MetricError} when either side has no `answer`, or the answers are not strings.
 * @example
 * ```ts
 * const example = new Example({ question: 'Where is the Eiffel Tower?', answer: ['Eiffel Tower', 'Louvre'] })
 * answerExactMatch(example, new Prediction({ answer: 'The Eiffel Tower' })) // true
 * answerExactMatch(example, new Prediction({ answer: 'Tower' }), undefined, { frac: 0.5 }) // true
 * ```
 * @see dspy.evaluate.metrics.answer_exact_match
 */
export function answerExactMatch(
  example: Example<object>,
  prediction: Prediction<object>,
  _trace?: readonly TraceEntry[],
  options: AnswerExactMatchOptions = {},
): boolean {
  const answers = referenceAnswers(example, 'answerExactMatch')
  if (!prediction.has('answer')) {
    throw new MetricError({ message: "answerExactMatch: the prediction has no 'answer' field.", code: 'metric-missing-field', field: 'answer' })
  }
  const predicted = checkText(prediction.get('answer' as never), "the prediction's answer", 'answerExactMatch')
  const frac = options.frac ?? 1
  if (frac >= 1) return exactMatch(predicted, answers)
  return f1Score(predicted, answers) >= frac
}
