import { InputField, OutputField, Signature } from '@dspex/signatures'

/** The output fields both of COPRO's instruction signatures share (DSPy's descriptions, word for word). */
const proposalFields = {
  proposed_instruction: OutputField(undefined, { desc: 'The improved instructions for the language model' }),
  proposed_prefix_for_output_field: OutputField(undefined, {
    desc: 'The string at the end of the prompt, which will help the model start solving the task',
  }),
} as const

/**
 * COPRO's first step: proposes an instruction (and an output prefix) from a predictor's current
 * instructions. The instructions and field descriptions are DSPy's prompt text, unchanged.
 *
 * @see dspy.teleprompt.copro_optimizer.BasicGenerateInstruction
 */
export const BasicGenerateInstruction = Signature.create({
  name: 'BasicGenerateInstruction',
  instructions:
    "You are an instruction optimizer for large language models. I will give you a ``signature`` of fields (inputs and outputs) in English. Your task is to propose an instruction that will lead a good language model to perform the task well. Don't be afraid to be creative.",
  fields: {
    basic_instruction: InputField(undefined, { desc: 'The initial instructions before optimization' }),
    ...proposalFields,
  },
})

/**
 * COPRO's later steps: proposes a better instruction from the instructions tried so far with their
 * scores (worst to best). The instructions and field descriptions are DSPy's prompt text, unchanged.
 *
 * @see dspy.teleprompt.copro_optimizer.GenerateInstructionGivenAttempts
 */
export const GenerateInstructionGivenAttempts = Signature.create({
  name: 'GenerateInstructionGivenAttempts',
  instructions: `You are an instruction optimizer for large language models. I will give some task instructions I've tried, along with their corresponding validation scores. The instructions are arranged in increasing order based on their scores, where higher scores indicate better quality.

Your task is to propose a new instruction that will lead a good language model to perform the task even better. Don't be afraid to be creative.`,
  fields: {
    attempted_instructions: InputField(),
    ...proposalFields,
  },
})
