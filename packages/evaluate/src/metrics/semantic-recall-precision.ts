import { OutputField, Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { groundTruthJudgeInputs, keyIdeaOutputs } from './judge-fields.js'

const recallDesc = 'fraction (out of 1.0) of ground truth covered by the system response'
const precisionDesc = 'fraction (out of 1.0) of system response covered by the ground truth'

/**
 * The judge signature of {@link SemanticF1}: question, ground truth and system response in;
 * recall and precision (floats) out. Its instructions are DSPy's, verbatim, since they are the prompt.
 *
 * @see dspy.evaluate.auto_evaluation.SemanticRecallPrecision
 */
export const SemanticRecallPrecision = Signature.create({
  name: 'SemanticRecallPrecision',
  instructions:
    "Compare a system's response to the ground truth to compute its recall and precision.\n" +
    'If asked to reason, enumerate key ideas in each response, and whether they are present in the other response.',
  fields: {
    ...groundTruthJudgeInputs,
    recall: OutputField(t.number(), { desc: recallDesc }),
    precision: OutputField(t.number(), { desc: precisionDesc }),
  },
})

/**
 * The judge signature of {@link SemanticF1} with `decompositional: true`: it first enumerates the
 * key ideas of each response and discusses their overlap, then gives recall and precision.
 *
 * @see dspy.evaluate.auto_evaluation.DecompositionalSemanticRecallPrecision
 */
export const DecompositionalSemanticRecallPrecision = Signature.create({
  name: 'DecompositionalSemanticRecallPrecision',
  instructions:
    "Compare a system's response to the ground truth to compute recall and precision of key ideas.\n" +
    'You will first enumerate key ideas in each response, discuss their overlap, and then report recall and precision.',
  fields: {
    ...groundTruthJudgeInputs,
    ...keyIdeaOutputs,
    recall: OutputField(t.number(), { desc: recallDesc }),
    precision: OutputField(t.number(), { desc: precisionDesc }),
  },
})
