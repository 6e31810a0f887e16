import type { OpenAICompatibleQuirks } from '@dspex/openai-compatible'
import type { ModelCapabilities } from '@dspex/provider'

/** Model ids the Chat Completions API knows; any other string is accepted too. */
export type OpenAIChatModelId =
  | 'gpt-4o'
  | 'gpt-4o-mini'
  | 'gpt-4.1'
  | 'gpt-4.1-mini'
  | 'gpt-4.1-nano'
  | 'gpt-5'
  | 'gpt-5-mini'
  | 'gpt-5-nano'
  | 'o1'
  | 'o3'
  | 'o3-mini'
  | 'o4-mini'
  | (string & {})

// DSPy 3.3.1 `lm.py`: the reasoning families (o1, o3, o4, o5 with -mini/-nano/-pro and a date, and gpt-5 except gpt-5-chat).
const reasoningModelPattern = /^(?:o[1345](?:-(?:mini|nano|pro))?(?:-\d{4}-\d{2}-\d{2})?|gpt-5(?!-chat)(?:-.*)?)$/

/**
 * Whether a model is one of OpenAI's reasoning models, which take `max_completion_tokens` and no temperature.
 * A `provider/` prefix (`openai/o3-mini`) is ignored.
 *
 * @see DSPy's `OPENAI_REASONING_MODEL` check in `dspy/clients/lm.py`
 */
export function isOpenAIReasoningModel(modelId: string): boolean {
  const family = modelId.split('/').at(-1) ?? modelId
  return reasoningModelPattern.test(family)
}

const structuredOutputPattern = /^(?:gpt-4o|gpt-4\.1|gpt-5|o1(?!-mini|-preview)|o3|o4|chatgpt-4o)/
const imagePattern = /^(?:gpt-4o|gpt-4\.1|gpt-4-turbo|gpt-5|o1(?!-mini|-preview)|o3(?!-mini)|o4|chatgpt-4o)/
const noToolsPattern = /^o1-(?:mini|preview)/

/**
 * What an OpenAI chat model supports: strict structured outputs, JSON mode, tools, reasoning and image input.
 * Unknown models (other OpenAI-compatible servers) are assumed to support JSON mode and tools only.
 */
export function getOpenAIModelCapabilities(modelId: string): ModelCapabilities {
  const family = modelId.split('/').at(-1) ?? modelId
  return {
    structuredOutputs: structuredOutputPattern.test(family),
    jsonMode: true,
    toolCalling: !noToolsPattern.test(family),
    reasoning: isOpenAIReasoningModel(family),
    images: imagePattern.test(family),
  }
}

/**
 * How OpenAI's Chat Completions API treats a model, in the terms of `@dspex/openai-compatible`: strict structured
 * outputs always, and for reasoning models `max_completion_tokens` and only the default sampling.
 */
export function getOpenAIChatQuirks(modelId: string): OpenAICompatibleQuirks {
  const reasoning = isOpenAIReasoningModel(modelId)
  return {
    maxTokensParameter: reasoning ? 'max_completion_tokens' : 'max_tokens',
    structuredOutputs: true,
    reasoningModel: reasoning,
  }
}
