import { normalizeText, splitWhitespace } from '@dspex/primitives/internal'
import { checkAnswerList } from './answer-list.js'

/**
 * The harmonic mean of token precision and recall between two token lists, counting repeated
 * tokens as often as both sides hold them; 0 when they share no token (so also when both are
 * empty: DSPy deliberately gives 0 there, unlike SQuAD 2.0).
 */
export function tokenF1(predictionTokens: readonly string[], groundTruthTokens: readonly string[]): number {
  const shared = sharedTokenCount(predictionTokens, groundTruthTokens)
  if (shared === 0) return 0
  const precision = shared / predictionTokens.length
  const recall = shared / groundTruthTokens.length
  return (2 * precision * recall) / (precision + recall)
}

/**
 * How many tokens the two lists share as multisets (Python's `sum((Counter(a) & Counter(b)).values())`).
 */
export function sharedTokenCount(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1)
  let shared = 0
  for (const token of right) {
    const remaining = counts.get(token) ?? 0
    if (remaining > 0) {
      shared += 1
      counts.set(token, remaining - 1)
    }
  }
  return shared
}

/**
 * Token-level F1 between one prediction and one reference, after {@link normalizeText} and
 * splitting on whitespace.
 *
 * @see dspy.evaluate.metrics.f1_score
 */
export function f1ScorePair(prediction: string, groundTruth: string): number {
  return tokenF1(splitWhitespace(normalizeText(prediction)), splitWhitespace(normalizeText(groundTruth)))
}

/**
 * Token precision of a prediction against one reference (shared tokens over prediction tokens),
 * after normalization; 0 when they share no token.
 *
 * @see dspy.evaluate.metrics.precision_score
 */
export function precisionScore(prediction: string, groundTruth: string): number {
  const predictionTokens = splitWhitespace(normalizeText(prediction))
  const shared = sharedTokenCount(predictionTokens, splitWhitespace(normalizeText(groundTruth)))
  return shared === 0 ? 0 : shared / predictionTokens.length
}

/**
 * The best token-level F1 of the prediction over the reference answers (see {@link f1ScorePair}).
 *
 * @throws {MetricError} (`metric-invalid-answers`) when `answers` is not a non-empty list.
 * @example
 * ```ts
 * f1Score('Eiffel Tower is in Paris', ['Paris']) // 0.333...
 * ```
 * @see dspy.evaluate.metrics.F1
 */
export function f1Score(prediction: string, answers: readonly string[]): number {
  return checkAnswerList(answers, 'F1').reduce((best, answer) => Math.max(best, f1ScorePair(prediction, answer)), 0)
}

/** DSPy's name for {@link f1Score}. @see dspy.evaluate.metrics.F1 */
export const F1 = f1Score
