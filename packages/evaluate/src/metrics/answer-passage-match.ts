import type { Example, Prediction, TraceEntry } from '@dspex/primitives'
import { normalizeText } from '@dspex/primitives/internal'
import { MetricError } from '../errors/metric-error.js'
import { referenceAnswers } from './answer-exact-match.js'
import { checkText, describeValueType } from './answer-list.js'
import { dprNormalize, hasAnswer } from './dpr-normalize.js'

/**
 * True when any passage contains any answer: both are normalized with {@link normalizeText}, then
 * tokenized the DPR way, and an answer must occur as a contiguous run of a passage's tokens.
 *
 * @see dspy.evaluate.metrics._passage_match
 */
export function passageMatch(passages: Iterable<string>, answers: readonly string[]): boolean {
  const tokenizedAnswers = answers.map((answer) => dprNormalize(normalizeText(answer)))
  for (const passage of passages) {
    if (hasAnswer(tokenizedAnswers, normalizeText(checkText(passage, 'each passage', 'answerPassageMatch')))) return true
  }
  return false
}

/**
 * Whether a passage of the prediction's `context` contains the example's `answer` (a string or a
 * list of acceptable strings); see {@link passageMatch}. As in DSPy, a `context` that is a single
 * string is walked character by character (Python iterates a string), so give a list of passages.
 *
 * @throws {MetricError} when the example has no usable `answer` or the prediction no `context` list.
 * @example
 * ```ts
 * const example = new Example({ answer: 'Eiffel Tower' })
 * answerPassageMatch(example, new Prediction({ context: ['The Eiffel Tower is in Paris.'] })) // true
 * ```
 * @see dspy.evaluate.metrics.answer_passage_match
 */
export function answerPassageMatch(example: Example<object>, prediction: Prediction<object>, _trace?: readonly TraceEntry[]): boolean {
  const answers = referenceAnswers(example, 'answerPassageMatch')
  if (!prediction.has('context')) {
    throw new MetricError({ message: "answerPassageMatch: the prediction has no 'context' field.", code: 'metric-missing-field', field: 'context' })
  }
  const context = prediction.get('context' as never) as unknown
  if (typeof context === 'string') return passageMatch(context, answers)
  if (Array.isArray(context)) return passageMatch(context as string[], answers)
  throw new MetricError({
    message: `answerPassageMatch: the prediction's context must be a list of passages, got ${describeValueType(context)}.`,
    code: 'metric-invalid-value',
    field: 'context',
  })
}
