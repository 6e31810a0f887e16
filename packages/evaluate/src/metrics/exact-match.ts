import { normalizeText } from '@dspex/primitives/internal'
import { checkAnswerList } from './answer-list.js'

/**
 * True when `prediction` equals `groundTruth` once both are normalized with {@link normalizeText}.
 *
 * @see dspy.evaluate.metrics.em_score
 */
export function exactMatchScore(prediction: string, groundTruth: string): boolean {
  return normalizeText(prediction) === normalizeText(groundTruth)
}

/**
 * Exact match: true when any reference answer equals the prediction after normalization
 * (see {@link normalizeText}).
 *
 * @throws {MetricError} (`metric-invalid-answers`) when `answers` is not a non-empty list.
 * @example
 * ```ts
 * exactMatch('The Eiffel Tower', ['Eiffel Tower', 'Louvre']) // true
 * exactMatch('paris', ['Paris, France']) // false
 * ```
 * @see dspy.evaluate.metrics.EM
 */
export function exactMatch(prediction: string, answers: readonly string[]): boolean {
  return checkAnswerList(answers, 'EM').some((answer) => exactMatchScore(prediction, answer))
}

/** DSPy's name for {@link exactMatch}. @see dspy.evaluate.metrics.EM */
export const EM = exactMatch
