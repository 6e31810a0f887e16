import { buildOpenAICompatibleChatRequestBody, type OpenAICompatibleChatRequestBody } from '@dspex/openai-compatible/internal'
import type { GenerateRequest } from '@dspex/provider'
import { getOpenAIChatQuirks } from './openai-model-info.js'

/** A Chat Completions request body and the warnings about options that were dropped. */
export type OpenAIChatRequestBody = OpenAICompatibleChatRequestBody

/**
 * Builds the Chat Completions body OpenAI expects for a model. Reasoning models (o1, o3, o4, gpt-5) get
 * `max_completion_tokens` instead of `max_tokens`, and temperature and `top_p` are dropped with a warning
 * (OpenAI only accepts the default). `providerOptions.openai` is merged in last.
 *
 * @example
 * ```ts
 * const { body, warnings } = buildOpenAIChatRequestBody('o3-mini', { messages, maxTokens: 500 }, false)
 * ```
 */
export function buildOpenAIChatRequestBody(modelId: string, request: GenerateRequest, stream: boolean): OpenAIChatRequestBody {
  return buildOpenAICompatibleChatRequestBody(modelId, request, stream, {
    quirks: getOpenAIChatQuirks(modelId),
    providerOptionsKey: 'openai',
  })
}
