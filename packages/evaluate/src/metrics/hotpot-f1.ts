import { normalizeText, splitWhitespace } from '@dspex/primitives/internal'
import { checkAnswerList } from './answer-list.js'
import { tokenF1 } from './f1-score.js'

const specialAnswers = new Set(['yes', 'no', 'noanswer'])

/**
 * HotPotQA's token F1 between one prediction and one reference: 0 when either normalized side is
 * "yes", "no" or "noanswer" and the two differ; otherwise the ordinary token F1.
 *
 * @see dspy.evaluate.metrics.hotpot_f1_score
 */
export function hotpotF1Pair(prediction: string, groundTruth: string): number {
  const normalizedPrediction = normalizeText(prediction)
  const normalizedGroundTruth = normalizeText(groundTruth)
  const special = specialAnswers.has(normalizedPrediction) || specialAnswers.has(normalizedGroundTruth)
  if (special && normalizedPrediction !== normalizedGroundTruth) return 0
  return tokenF1(splitWhitespace(normalizedPrediction), splitWhitespace(normalizedGroundTruth))
}

/**
 * The best HotPotQA-style F1 of the prediction over the reference answers (see {@link hotpotF1Pair}).
 *
 * @throws {MetricError} (`metric-invalid-answers`) when `answers` is not a non-empty list.
 * @example
 * ```ts
 * hotpotF1('yes', ['no']) // 0
 * ```
 * @see dspy.evaluate.metrics.HotPotF1
 */
export function hotpotF1(prediction: string, answers: readonly string[]): number {
  return checkAnswerList(answers, 'HotPotF1').reduce((best, answer) => Math.max(best, hotpotF1Pair(prediction, answer)), 0)
}

/** DSPy's name for {@link hotpotF1}. @see dspy.evaluate.metrics.HotPotF1 */
export const HotPotF1 = hotpotF1
