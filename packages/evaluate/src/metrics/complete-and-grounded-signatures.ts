import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { groundTruthJudgeInputs, keyIdeaOutputs } from './judge-fields.js'

/**
 * The completeness judge of {@link CompleteAndGrounded}: how much of the ground truth the system
 * response covers, after enumerating and discussing key ideas. Instructions are DSPy's, verbatim.
 *
 * @see dspy.evaluate.auto_evaluation.AnswerCompleteness
 */
export const AnswerCompleteness = Signature.create({
  name: 'AnswerCompleteness',
  instructions:
    "Estimate the completeness of a system's responses, against the ground truth.\n" +
    'You will first enumerate key ideas in each response, discuss their overlap, and then report completeness.',
  fields: {
    ...groundTruthJudgeInputs,
    ...keyIdeaOutputs,
    completeness: OutputField(t.number(), { desc: 'fraction (out of 1.0) of ground truth covered by the system response' }),
  },
})

/**
 * The groundedness judge of {@link CompleteAndGrounded}: how much of the system response the
 * retrieved context supports, after enumerating its claims. Instructions are DSPy's, verbatim.
 *
 * @see dspy.evaluate.auto_evaluation.AnswerGroundedness
 */
export const AnswerGroundedness = Signature.create({
  name: 'AnswerGroundedness',
  instructions:
    "Estimate the groundedness of a system's responses, against real retrieved documents written by people.\n" +
    'You will first enumerate whatever non-trivial or check-worthy claims are made in the system response, and then\n' +
    'discuss the extent to which some or all of them can be deduced from the retrieved context and basic commonsense.',
  fields: {
    question: InputField(t.string()),
    retrieved_context: InputField(t.string()),
    system_response: InputField(t.string()),
    system_response_claims: OutputField(t.string(), { desc: 'enumeration of non-trivial or check-worthy claims in the system response' }),
    discussion: OutputField(t.string(), { desc: 'discussion of how supported the claims are by the retrieved context' }),
    groundedness: OutputField(t.number(), { desc: 'fraction (out of 1.0) of system response supported by the retrieved context' }),
  },
})
