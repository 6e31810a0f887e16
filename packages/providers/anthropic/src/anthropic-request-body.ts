import type { GenerateRequest } from '@dspex/provider'
import { getAnthropicModelInfo } from './anthropic-model-info.js'
import { type AnthropicCacheControl, convertToAnthropicMessages } from './convert-to-anthropic-messages.js'

/** Options only Anthropic understands, passed as `providerOptions.anthropic`. */
export interface AnthropicProviderOptions {
  /** Extended thinking: `{ type: 'enabled', budgetTokens: 2048 }`. The budget is added to `max_tokens`. */
  readonly thinking?: { readonly type: 'enabled'; readonly budgetTokens: number } | { readonly type: 'disabled' }
  /** Prompt caching: `true` (or a marker with a `ttl`) sets breakpoints on the system prompt and the last message. */
  readonly cacheControl?: boolean | AnthropicCacheControl
  /**
   * How a JSON schema response format is asked for: `jsonTool` (default) forces a tool named `json`
   * whose input is the answer; `outputFormat` sends Anthropic's JSON outputs, `output_config.format`
   * (supported by Claude 4.5 models and later).
   */
  readonly structuredOutputMode?: 'jsonTool' | 'outputFormat'
  /** Beta features to enable, sent as the `anthropic-beta` header (`interleaved-thinking-2025-05-14`). */
  readonly betas?: readonly string[]
}

/** What {@link buildAnthropicRequestBody} returns. */
export interface AnthropicRequest {
  /** The Messages API request body. */
  readonly body: Record<string, unknown>
  /** Beta features the body needs, for the `anthropic-beta` header. */
  readonly betas: readonly string[]
  /** Options that were not sent. */
  readonly warnings: readonly string[]
  /** True when the answer comes back as the input of the forced `json` tool. */
  readonly isJSONTool: boolean
}

/** The name of the tool a JSON schema answer is forced through. */
export const anthropicJSONToolName = 'json'

function readProviderOptions(request: GenerateRequest): AnthropicProviderOptions {
  return (request.providerOptions?.anthropic ?? {}) as AnthropicProviderOptions
}

function toolChoiceOf(request: GenerateRequest): Record<string, unknown> | undefined {
  const choice = request.toolChoice
  if (choice === undefined) return undefined
  if (choice === 'auto') return { type: 'auto' }
  if (choice === 'none') return { type: 'none' }
  if (choice === 'required') return { type: 'any' }
  return { type: 'tool', name: choice.name }
}

/**
 * Builds the Messages API body for a request: the converted prompt, `max_tokens` (the request's,
 * or the model's default), sampling options, tools with `input_schema`, `tool_choice`, thinking,
 * prompt caching and JSON output (forced `json` tool or `output_config.format`). Options Anthropic does
 * not take (`seed`, `n` > 1, JSON mode without a schema, temperature with thinking) become warnings.
 *
 * @param modelId - The Anthropic model id.
 * @param request - The DSPex request.
 * @param stream - Whether to ask for server-sent events.
 */
export function buildAnthropicRequestBody(modelId: string, request: GenerateRequest, stream: boolean): AnthropicRequest {
  const options = readProviderOptions(request)
  const cacheControl: AnthropicCacheControl | undefined = options.cacheControl === true ? { type: 'ephemeral' } : options.cacheControl || undefined
  const prompt = convertToAnthropicMessages(request.messages, cacheControl)
  const warnings = [...prompt.warnings]
  const betas = [...(options.betas ?? [])]

  const thinking = options.thinking?.type === 'enabled' ? options.thinking : undefined
  const maxTokens = (request.maxTokens ?? getAnthropicModelInfo(modelId).defaultMaxTokens) + (thinking?.budgetTokens ?? 0)

  const tools: Record<string, unknown>[] = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.parameters,
  }))
  let toolChoice = toolChoiceOf(request)
  let outputConfig: Record<string, unknown> | undefined
  let isJSONTool = false

  const format = request.responseFormat
  if (format?.type === 'json') {
    warnings.push('anthropic: JSON mode without a schema is not supported; pass a json_schema response format.')
  } else if (format?.type === 'json_schema') {
    if (options.structuredOutputMode === 'outputFormat') {
      outputConfig = { format: { type: 'json_schema', schema: format.schema } }
    } else {
      isJSONTool = true
      // With the caller's tools present, forcing the JSON tool would make them uncallable: the
      // model must call some tool, either one of the caller's or the JSON one for its answer.
      const hasCallerTools = tools.length > 0
      tools.push({ name: anthropicJSONToolName, description: 'Respond with a JSON object.', input_schema: format.schema })
      toolChoice = hasCallerTools ? { type: 'any' } : { type: 'tool', name: anthropicJSONToolName }
    }
  }
  const forcesTool = toolChoice?.type === 'tool' || toolChoice?.type === 'any'
  if (thinking !== undefined && forcesTool) {
    warnings.push('anthropic: thinking does not allow a forced tool choice; tool_choice auto was sent instead.')
    toolChoice = { type: 'auto' }
  }
  if (request.parallelToolCalls === false && tools.length > 0) {
    toolChoice = { ...(toolChoice ?? { type: 'auto' }), disable_parallel_tool_use: true }
  }

  let temperature = request.temperature
  let topP = request.topP
  if (thinking !== undefined && (temperature !== undefined || topP !== undefined)) {
    warnings.push('anthropic: temperature and topP are not sent when thinking is enabled.')
    temperature = undefined
    topP = undefined
  }
  if (request.seed !== undefined) warnings.push('anthropic: seed is not supported and was not sent.')
  if (request.n !== undefined && request.n > 1) warnings.push('anthropic: n > 1 is not supported; one completion is returned.')
  if (request.reasoningEffort !== undefined && thinking === undefined) {
    warnings.push('anthropic: reasoningEffort is not sent; set providerOptions.anthropic.thinking instead.')
  }

  const body: Record<string, unknown> = {
    model: modelId,
    max_tokens: maxTokens,
    ...(prompt.system === undefined ? {} : { system: prompt.system }),
    messages: prompt.messages,
    ...(temperature === undefined ? {} : { temperature }),
    ...(topP === undefined ? {} : { top_p: topP }),
    ...(request.stop === undefined || request.stop.length === 0 ? {} : { stop_sequences: request.stop }),
    ...(tools.length === 0 ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(thinking === undefined ? {} : { thinking: { type: 'enabled', budget_tokens: thinking.budgetTokens } }),
    ...(outputConfig === undefined ? {} : { output_config: outputConfig }),
    ...(stream ? { stream: true } : {}),
  }
  return { body, betas, warnings, isJSONTool }
}
