import { InputField, OutputField } from '@dspex/signatures'
import { t } from '@dspex/types'

/** The inputs of DSPy's judges that compare a system response with the ground truth, in DSPy's order. */
export const groundTruthJudgeInputs = {
  question: InputField(t.string()),
  ground_truth: InputField(t.string()),
  system_response: InputField(t.string()),
}

/** The outputs with which DSPy's decompositional judges enumerate and discuss key ideas before scoring. */
export const keyIdeaOutputs = {
  ground_truth_key_ideas: OutputField(t.string(), { desc: 'enumeration of key ideas in the ground truth' }),
  system_response_key_ideas: OutputField(t.string(), { desc: 'enumeration of key ideas in the system response' }),
  discussion: OutputField(t.string(), { desc: 'discussion of the overlap between ground truth and system response' }),
}
