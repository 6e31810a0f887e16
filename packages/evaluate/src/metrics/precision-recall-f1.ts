/**
 * The F1 of a precision and a recall, each first clamped to [0, 1]; 0 when both are 0. The
 * LM-judged metrics combine their judge's two fractions with it.
 *
 * @example
 * ```ts
 * precisionRecallF1(0.8, 0.6) // 0.6857...
 * precisionRecallF1(1.5, -1) // 0 (clamped to 1 and 0)
 * ```
 * @see dspy.evaluate.auto_evaluation.f1_score
 */
export function precisionRecallF1(precision: number, recall: number): number {
  const clampedPrecision = Math.max(0, Math.min(1, precision))
  const clampedRecall = Math.max(0, Math.min(1, recall))
  if (clampedPrecision + clampedRecall === 0) return 0
  return (2 * (clampedPrecision * clampedRecall)) / (clampedPrecision + clampedRecall)
}
