import {
  type Citation,
  combineHeaders,
  type GenerateChoice,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type ModelCapabilities,
  type ProviderAPI,
  parseSSEStream,
  type ReasoningPart,
  type StreamPart,
  stopStreamOnAbort,
  type ToolCallPart,
} from '@dspex/provider'
import { getAnthropicModelInfo } from './anthropic-model-info.js'
import { anthropicJSONToolName, buildAnthropicRequestBody } from './anthropic-request-body.js'
import { type AnthropicMessage, isAnthropicMessage } from './anthropic-wire-schemas.js'
import { convertAnthropicCitation } from './convert-anthropic-citation.js'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js'
import { mapAnthropicUsage } from './map-anthropic-usage.js'
import { parseAnthropicStream } from './parse-anthropic-stream.js'

/** The `anthropic-version` header every call sends. */
export const anthropicVersion = '2023-06-01'

/** What an Anthropic language model needs from its provider. */
export interface AnthropicLanguageModelConfig {
  /** The provider's transport: base URL, `x-api-key` and version headers, errors, retries, time limit, fetch. */
  readonly api: ProviderAPI
  /** Betas the provider's headers already ask for; a call's own betas are added to them. */
  readonly betas?: readonly string[]
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function toChoice(message: AnthropicMessage, isJSONTool: boolean): GenerateChoice {
  let text = ''
  let reasoning = ''
  const reasoningParts: ReasoningPart[] = []
  const toolCalls: ToolCallPart[] = []
  const citations: Citation[] = []
  for (const block of message.content) {
    if (block.type === 'text' && 'text' in block) {
      text += block.text
      for (const citation of block.citations ?? []) {
        const converted = convertAnthropicCitation(citation, block.text)
        if (converted !== undefined) citations.push(converted)
      }
    } else if (block.type === 'thinking' && 'thinking' in block) {
      reasoning += block.thinking
      reasoningParts.push({
        type: 'reasoning',
        provider: 'anthropic',
        text: block.thinking,
        ...(block.signature ? { signature: block.signature } : {}),
      })
    } else if (block.type === 'redacted_thinking' && 'data' in block) {
      reasoningParts.push({ type: 'reasoning', provider: 'anthropic', text: '', redactedData: block.data })
    } else if (block.type === 'tool_use' && 'input' in block) {
      if (isJSONTool && block.name === anthropicJSONToolName) text += JSON.stringify(block.input)
      else toolCalls.push({ id: block.id, name: block.name, args: isRecord(block.input) ? block.input : {} })
    }
  }
  const hasText = text !== '' || (toolCalls.length === 0 && message.stop_reason !== 'refusal')
  return {
    text: hasText ? text : null,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(reasoningParts.length === 0 ? {} : { reasoningParts }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    finishReason: mapAnthropicStopReason(message.stop_reason, isJSONTool && toolCalls.length === 0),
    ...(typeof message.stop_reason === 'string' ? { rawFinishReason: message.stop_reason } : {}),
    ...(citations.length === 0 ? {} : { citations }),
  }
}

/**
 * One Anthropic model over the Messages API (`POST /messages`), as `createAnthropic` builds it. Both calls
 * post through the provider's `ProviderAPI`: `generate` retries retryable failures up to `maxRetries` times;
 * `stream` retries only until the response headers arrive.
 */
export class AnthropicMessagesLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'anthropic'
  readonly modelId: string
  readonly capabilities: ModelCapabilities
  readonly #config: AnthropicLanguageModelConfig

  /**
   * @param modelId - The Anthropic model id (`claude-sonnet-4-5`).
   * @param config - Where and how to call the API.
   */
  constructor(modelId: string, config: AnthropicLanguageModelConfig) {
    this.modelId = modelId
    this.#config = config
    this.capabilities = {
      structuredOutputs: true,
      jsonMode: false,
      toolCalling: true,
      reasoning: getAnthropicModelInfo(modelId).supportsThinking,
      images: true,
      citations: true,
    }
  }

  #post(request: GenerateRequest, stream: boolean) {
    const built = buildAnthropicRequestBody(this.modelId, request, stream)
    const betas = [...new Set([...(this.#config.betas ?? []), ...built.betas])]
    const call = {
      signal: request.signal,
      headers: combineHeaders(built.betas.length === 0 ? {} : { 'anthropic-beta': betas.join(',') }, request.headers),
    }
    return { built, call }
  }

  /**
   * Sends the request and returns the one completion: text (or the forced `json` tool's input), thinking and tool calls.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the reply is not a message.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { built, call } = this.#post(request, false)
    const { value } = await this.#config.api.postJSON('/messages', built.body, call, isAnthropicMessage)
    return {
      choices: [toChoice(value, built.isJSONTool)],
      ...(value.usage === undefined ? {} : { usage: mapAnthropicUsage(value.usage) }),
      ...(value.model === undefined ? {} : { responseModel: value.model }),
      raw: value,
      ...(built.warnings.length === 0 ? {} : { warnings: built.warnings }),
    }
  }

  /**
   * Streams the completion over SSE: text, thinking and tool-input deltas, then `finish` with usage.
   *
   * @throws APICallError (or a subclass) on any failure, StreamInterruptedError when the stream is cut.
   */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    const { built, call } = this.#post(request, true)
    const { body, parseOptions } = await this.#config.api.postStream('/messages', built.body, call)
    yield* stopStreamOnAbort(
      parseAnthropicStream(parseSSEStream(body, parseOptions), { ...parseOptions, isJSONTool: built.isJSONTool }),
      request.signal,
    )
  }
}
