import { LMConfigurationError } from './errors/lm-configuration-error.js'

const reasoningModelPattern = /^(?:o[1345](?:-(?:mini|nano|pro))?(?:-\d{4}-\d{2}-\d{2})?|gpt-5(?!-chat)(?:-.*)?)$/

/**
 * True for OpenAI reasoning models (o1, o3, o4, o5 and their mini/nano/pro variants, gpt-5 except
 * gpt-5-chat), judged on the part of the model string after its last `/`, as DSPy does.
 */
export function isReasoningModel(model: string): boolean {
  const family = model.slice(model.lastIndexOf('/') + 1).toLowerCase()
  return reasoningModelPattern.test(family)
}

/**
 * Checks DSPy's rule for OpenAI reasoning models: temperature 1.0 (or unset) and at least 16,000
 * max tokens (or unset). Like DSPy, a temperature of 0 passes the check.
 *
 * @throws LMConfigurationError when a reasoning model gets other values.
 * @see DSPy's `LM.__init__` (`dspy/clients/lm.py`).
 */
export function checkReasoningModelOptions(model: string, temperature?: number, maxTokens?: number): void {
  if (!isReasoningModel(model)) return
  if ((temperature && temperature !== 1) || (maxTokens && maxTokens < 16_000)) {
    throw new LMConfigurationError({
      message:
        `OpenAI's reasoning models require temperature 1.0 or unset and maxTokens >= 16000 or unset; ` +
        `got temperature ${temperature} and maxTokens ${maxTokens} for ${JSON.stringify(model)}. ` +
        `For example: new LM('openai/gpt-5', { temperature: 1.0, maxTokens: 16000 }).`,
      model,
    })
  }
}
