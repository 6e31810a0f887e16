import type { GenerateRequest } from '@dspex/provider'
import { convertToOpenAICompatibleChatMessages } from './convert-to-openai-compatible-chat-messages.js'
import { type OpenAICompatibleQuirks, resolveOpenAICompatibleQuirks } from './openai-compatible-quirks.js'

/** A Chat Completions request body and the warnings about options that were dropped or changed. */
export interface OpenAICompatibleChatRequestBody {
  /** The JSON body, with unset options left out. */
  readonly body: Readonly<Record<string, unknown>>
  /** One sentence per option that was dropped or changed. */
  readonly warnings: readonly string[]
}

/** Options of {@link buildOpenAICompatibleChatRequestBody}. */
export interface OpenAICompatibleChatRequestBodyOptions {
  /** How the server departs from OpenAI's API. */
  readonly quirks?: OpenAICompatibleQuirks
  /** The `providerOptions` key whose entries are merged into the body last (the provider's name); default `openai`. */
  readonly providerOptionsKey?: string
}

function convertToolChoice(toolChoice: GenerateRequest['toolChoice']): unknown {
  if (toolChoice === undefined || typeof toolChoice === 'string') return toolChoice
  return { type: 'function', function: { name: toolChoice.name } }
}

/**
 * Builds the Chat Completions body (`POST /chat/completions`) for a request, applying the server's quirks:
 * the max-tokens field, `json_schema` falling back to `json_object`, `stream_options`, and dropping (with a
 * warning) what the server does not take. `providerOptions[providerOptionsKey]` is merged in last, as is.
 *
 * @example
 * ```ts
 * const { body, warnings } = buildOpenAICompatibleChatRequestBody('deepseek-chat', request, false, { providerOptionsKey: 'deepseek' })
 * ```
 */
export function buildOpenAICompatibleChatRequestBody(
  modelId: string,
  request: GenerateRequest,
  stream: boolean,
  options: OpenAICompatibleChatRequestBodyOptions = {},
): OpenAICompatibleChatRequestBody {
  const quirks = resolveOpenAICompatibleQuirks(options.quirks)
  const warnings: string[] = []
  let temperature = request.temperature
  let topP = request.topP
  if (quirks.reasoningModel && temperature !== undefined) {
    if (temperature !== 1) warnings.push(`${modelId} is a reasoning model: temperature ${temperature} was dropped.`)
    temperature = undefined
  }
  if (quirks.reasoningModel && topP !== undefined) {
    warnings.push(`${modelId} is a reasoning model: topP ${topP} was dropped.`)
    topP = undefined
  }

  const requestedTools = request.tools !== undefined && request.tools.length > 0
  if (requestedTools && !quirks.tools) warnings.push(`tools were dropped: ${modelId} does not take tools on this server.`)
  const hasTools = requestedTools && quirks.tools
  const tools = hasTools
    ? request.tools?.map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: tool.parameters },
      }))
    : undefined
  if (!requestedTools && request.toolChoice !== undefined) warnings.push('toolChoice was dropped: the request has no tools.')
  let parallelToolCalls = hasTools ? request.parallelToolCalls : undefined
  if (parallelToolCalls !== undefined && !quirks.parallelToolCalls) {
    warnings.push('parallelToolCalls was dropped: the server does not take parallel_tool_calls.')
    parallelToolCalls = undefined
  }
  let reasoningEffort = request.reasoningEffort
  if (reasoningEffort !== undefined && !quirks.reasoningEffort) {
    warnings.push('reasoningEffort was dropped: the server does not take reasoning_effort.')
    reasoningEffort = undefined
  }
  let n = request.n
  if (n !== undefined && n !== 1 && !quirks.multipleChoices) {
    warnings.push(`n ${n} was dropped: the server returns one choice per call.`)
    n = undefined
  }

  const entries: Record<string, unknown> = {
    model: modelId,
    messages: convertToOpenAICompatibleChatMessages(request.messages),
    temperature,
    top_p: topP,
    [quirks.maxTokensParameter]: request.maxTokens,
    stop: request.stop === undefined || request.stop.length === 0 ? undefined : request.stop,
    seed: request.seed,
    n,
    reasoning_effort: reasoningEffort,
    response_format: convertResponseFormat(request.responseFormat, quirks, warnings),
    tools,
    tool_choice: hasTools ? convertToolChoice(request.toolChoice) : undefined,
    parallel_tool_calls: parallelToolCalls,
    ...(stream ? { stream: true, ...(quirks.streamUsage ? { stream_options: { include_usage: true } } : {}) } : {}),
    ...request.providerOptions?.[options.providerOptionsKey ?? 'openai'],
  }
  const body = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined))
  return { body, warnings }
}

function convertResponseFormat(
  responseFormat: GenerateRequest['responseFormat'],
  quirks: { readonly structuredOutputs: boolean; readonly jsonMode: boolean },
  warnings: string[],
): unknown {
  switch (responseFormat?.type) {
    case undefined:
    case 'text':
      return undefined
    case 'json':
      if (quirks.jsonMode) return { type: 'json_object' }
      warnings.push('responseFormat json was dropped: the server does not take json_object.')
      return undefined
    case 'json_schema':
      if (quirks.structuredOutputs) {
        return {
          type: 'json_schema',
          json_schema: { name: responseFormat.name, schema: responseFormat.schema, strict: responseFormat.strict },
        }
      }
      if (quirks.jsonMode) {
        warnings.push(`responseFormat json_schema ${responseFormat.name} was sent as json_object: the server does not enforce schemas.`)
        return { type: 'json_object' }
      }
      warnings.push(`responseFormat json_schema ${responseFormat.name} was dropped: the server takes neither json_schema nor json_object.`)
      return undefined
  }
}
