import { InputField, OutputField, Signature } from '@dspex/signatures'

/**
 * InferRules' rule-induction signature for `numRules` rules (DSPy's `CustomRulesInduction`); its
 * instructions and field descriptions are DSPy's prompt text, unchanged. It is run with ChainOfThought.
 *
 * @see dspy.teleprompt.infer_rules.RulesInductionProgram
 */
export function rulesInductionSignature(numRules: number) {
  return Signature.create({
    name: 'CustomRulesInduction',
    instructions: `Given a set of examples, extract a list of ${numRules} concise and non-redundant natural language rules that provide clear guidance for performing the task. All rules should be actionable for a well-specified scope of examples of this general kind of task.`,
    fields: {
      examples_text: InputField(undefined, { desc: 'Text containing examples' }),
      natural_language_rules: OutputField(undefined, { desc: 'Induced natural language rules' }),
    },
  })
}
