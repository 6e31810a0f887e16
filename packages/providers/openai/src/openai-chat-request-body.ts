import type { GenerateRequest } from '@dspex/provider'
import { convertToOpenAIChatMessages } from './convert-to-openai-chat-messages.js'
import { isOpenAIReasoningModel } from './openai-model-info.js'

/** A Chat Completions request body and the warnings about options that were dropped. */
export interface OpenAIChatRequestBody {
  readonly body: Readonly<Record<string, unknown>>
  readonly warnings: readonly string[]
}

function convertToolChoice(toolChoice: GenerateRequest['toolChoice']): unknown {
  if (toolChoice === undefined || typeof toolChoice === 'string') return toolChoice
  return { type: 'function', function: { name: toolChoice.name } }
}

function convertResponseFormat(responseFormat: GenerateRequest['responseFormat']): unknown {
  switch (responseFormat?.type) {
    case undefined:
    case 'text':
      return undefined
    case 'json':
      return { type: 'json_object' }
    case 'json_schema':
      return {
        type: 'json_schema',
        json_schema: { name: responseFormat.name, schema: responseFormat.schema, strict: responseFormat.strict },
      }
  }
}

/**
 * Builds the Chat Completions body for a request. Reasoning models (o1, o3, o4, gpt-5) get
 * `max_completion_tokens` instead of `max_tokens`, and temperature and `top_p` are dropped with a warning
 * (OpenAI only accepts the default). `providerOptions.openai` is merged in last.
 */
export function createOpenAIChatRequestBody(
  modelId: string,
  request: GenerateRequest,
  stream: boolean,
): OpenAIChatRequestBody {
  const warnings: string[] = []
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
  const tools = request.tools?.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }))
  const hasTools = tools !== undefined && tools.length > 0
  if (!hasTools && request.toolChoice !== undefined) warnings.push('toolChoice was dropped: the request has no tools.')

  const entries: Record<string, unknown> = {
    model: modelId,
    messages: convertToOpenAIChatMessages(request.messages),
    temperature,
    top_p: topP,
    [reasoning ? 'max_completion_tokens' : 'max_tokens']: request.maxTokens,
    stop: request.stop === undefined || request.stop.length === 0 ? undefined : request.stop,
    seed: request.seed,
    n: request.n,
    reasoning_effort: request.reasoningEffort,
    response_format: convertResponseFormat(request.responseFormat),
    tools: hasTools ? tools : undefined,
    tool_choice: hasTools ? convertToolChoice(request.toolChoice) : undefined,
    parallel_tool_calls: hasTools ? request.parallelToolCalls : undefined,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    ...request.providerOptions?.openai,
  }
  const body = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined))
  return { body, warnings }
}
