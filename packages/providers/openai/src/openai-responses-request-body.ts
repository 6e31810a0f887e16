import type { GenerateRequest } from '@dspex/provider'
import { openaiEncryptedReasoningInclude } from './convert-openai-responses-reasoning.js'
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input.js'
import { isOpenAIReasoningModel } from './openai-model-info.js'

/** A Responses API request body and the warnings about options that were dropped. */
export interface OpenAIResponsesRequestBody {
  /** The JSON body, with unset options left out. */
  readonly body: Readonly<Record<string, unknown>>
  /** One sentence per option or part that was dropped. */
  readonly warnings: readonly string[]
}

function convertToolChoice(toolChoice: GenerateRequest['toolChoice']): unknown {
  if (toolChoice === undefined || typeof toolChoice === 'string') return toolChoice
  return { type: 'function', name: toolChoice.name }
}

function convertTextFormat(responseFormat: GenerateRequest['responseFormat']): unknown {
  switch (responseFormat?.type) {
    case undefined:
    case 'text':
      return undefined
    case 'json':
      return { format: { type: 'json_object' } }
    case 'json_schema':
      return {
        format: { type: 'json_schema', name: responseFormat.name, schema: responseFormat.schema, strict: responseFormat.strict },
      }
  }
}

/**
 * Builds the body of `POST /responses`: `instructions` and `input` items, `max_output_tokens`, `text.format`
 * (`json_schema` with `strict`, or `json_object`), function tools with `strict: false`, `reasoning.effort`, and
 * `store: false` (nothing kept at OpenAI unless `providerOptions.openai.store` says so). Reasoning models drop
 * temperature and `top_p`; `stop`, `seed` and `n` > 1 do not exist in this API and are dropped, each with a
 * warning. `providerOptions.openai` is merged in last (`{ reasoning: { effort: 'low', summary: 'auto' } }`). For
 * reasoning models, and whenever the input carries reasoning items back, `include` also asks for
 * `reasoning.encrypted_content` (added to any `include` given in `providerOptions.openai`), so the reasoning can
 * be sent back in the next turn with `store: false`.
 *
 * @example
 * ```ts
 * const { body } = buildOpenAIResponsesRequestBody('gpt-4.1-mini', { messages, maxTokens: 200 }, false)
 * ```
 */
export function buildOpenAIResponsesRequestBody(modelId: string, request: GenerateRequest, stream: boolean): OpenAIResponsesRequestBody {
  const { instructions, input, warnings: inputWarnings } = convertToOpenAIResponsesInput(request.messages)
  const warnings = [...inputWarnings]
  const reasoning = isOpenAIReasoningModel(modelId)
  let temperature = request.temperature
  let topP = request.topP
  if (reasoning && temperature !== undefined) {
    if (temperature !== 1) warnings.push(`${modelId} is a reasoning model: temperature ${temperature} was dropped.`)
    temperature = undefined
  }
  if (reasoning && topP !== undefined) {
    warnings.push(`${modelId} is a reasoning model: topP ${topP} was dropped.`)
    topP = undefined
  }
  if (request.stop !== undefined && request.stop.length > 0) warnings.push('stop was dropped: the Responses API has no stop sequences.')
  if (request.seed !== undefined) warnings.push('seed was dropped: the Responses API has no seed.')
  if (request.n !== undefined && request.n !== 1) warnings.push(`n ${request.n} was dropped: the Responses API returns one answer per call.`)
  const hasTools = request.tools !== undefined && request.tools.length > 0
  if (!hasTools && request.toolChoice !== undefined) warnings.push('toolChoice was dropped: the request has no tools.')
  const tools = hasTools
    ? request.tools?.map((tool) => ({
        type: 'function',
        name: tool.name,
        description: tool.description,
        parameters: tool.parameters,
        strict: false,
      }))
    : undefined

  const options = request.providerOptions?.openai
  const carriesReasoning = input.some((item) => 'type' in item && item.type === 'reasoning')
  const requested: readonly unknown[] = Array.isArray(options?.include) ? options.include : []
  const include = reasoning || carriesReasoning ? [...new Set([...requested, openaiEncryptedReasoningInclude])] : undefined

  const entries: Record<string, unknown> = {
    model: modelId,
    instructions,
    input,
    temperature,
    top_p: topP,
    max_output_tokens: request.maxTokens,
    text: convertTextFormat(request.responseFormat),
    tools,
    tool_choice: hasTools ? convertToolChoice(request.toolChoice) : undefined,
    parallel_tool_calls: hasTools ? request.parallelToolCalls : undefined,
    reasoning: request.reasoningEffort === undefined ? undefined : { effort: request.reasoningEffort },
    store: false,
    ...(stream ? { stream: true } : {}),
    ...options,
    ...(include === undefined ? {} : { include }),
  }
  const body = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined))
  return { body, warnings }
}
