import {
  type GenerateChoice,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type ModelCapabilities,
  type ProviderAPI,
  type StreamPart,
  stopStreamOnAbort,
} from '@dspex/provider'
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js'
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js'
import { buildOpenAICompatibleChatRequestBody } from './openai-compatible-chat-request-body.js'
import { type OpenAICompatibleQuirks, resolveOpenAICompatibleQuirks } from './openai-compatible-quirks.js'
import { isOpenAICompatibleWireCompletion } from './openai-compatible-wire-schemas.js'
import { parseOpenAICompatibleStream } from './parse-openai-compatible-stream.js'
import { parseOpenAICompatibleToolCall } from './parse-openai-compatible-tool-call.js'
import { readOpenAICompatibleCitations } from './read-openai-compatible-citations.js'
import { readOpenAICompatibleContent } from './read-openai-compatible-content.js'
import { readOpenAICompatibleReasoning } from './read-openai-compatible-reasoning.js'
import { splitReasoningTags } from './split-reasoning-tags.js'

/** What a Chat Completions model needs from its provider. */
export interface OpenAICompatibleChatModelConfig {
  /** The provider's name (`groq`, `vllm`, `openai`...): the model's `provider` and the `providerOptions` key. */
  readonly provider: string
  /** The provider's transport (base URL, headers, errors, retries, time limit, fetch), from `createProviderAPI`. */
  readonly api: ProviderAPI
  /** How the server departs from OpenAI's API. */
  readonly quirks?: OpenAICompatibleQuirks
  /** What the model supports; by default derived from the quirks (no images, no reasoning). */
  readonly capabilities?: ModelCapabilities
  /** The path of the endpoint, query string included; default `/chat/completions`. */
  readonly path?: string
}

/**
 * The capabilities a model has when its provider says nothing else: strict structured outputs, JSON mode and tools
 * as the quirks allow, no reasoning and no images.
 */
export function defaultOpenAICompatibleCapabilities(quirks: OpenAICompatibleQuirks = {}): ModelCapabilities {
  const resolved = resolveOpenAICompatibleQuirks(quirks)
  return {
    structuredOutputs: resolved.structuredOutputs,
    jsonMode: resolved.jsonMode,
    toolCalling: resolved.tools,
    reasoning: false,
    images: false,
  }
}

/**
 * A Chat Completions model on any OpenAI-compatible server (`POST {baseURL}/chat/completions`): `generate`
 * returns every choice, `stream` yields deltas of the first. Failures are retried by the provider's transport
 * when retrying may help.
 *
 * @see DSPy's `dspy.LM('openai/...', api_base=...)`
 */
export class OpenAICompatibleChatLanguageModel implements LanguageModel {
  /** The version of the language-model interface this class implements. */
  readonly specificationVersion = 'v1' as const
  /** The provider's name. */
  readonly provider: string
  /** The model id sent as `model`. */
  readonly modelId: string
  /** What the model supports. */
  readonly capabilities: ModelCapabilities
  readonly #config: OpenAICompatibleChatModelConfig

  /**
   * @param modelId - The model id the server knows (`llama-3.3-70b-versatile`).
   * @param config - The provider's name, transport, quirks and capabilities.
   */
  constructor(modelId: string, config: OpenAICompatibleChatModelConfig) {
    this.modelId = modelId
    this.provider = config.provider
    this.capabilities = config.capabilities ?? defaultOpenAICompatibleCapabilities(config.quirks)
    this.#config = config
  }

  #body(request: GenerateRequest, stream: boolean) {
    return buildOpenAICompatibleChatRequestBody(this.modelId, request, stream, {
      providerOptionsKey: this.provider,
      ...(this.#config.quirks === undefined ? {} : { quirks: this.#config.quirks }),
    })
  }

  /**
   * Sends the request and returns every choice with its text, reasoning and tool calls.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the reply has the wrong
   * shape or tool arguments are not JSON.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { body, warnings } = this.#body(request, false)
    const call = { signal: request.signal, headers: request.headers }
    const { value } = await this.#config.api.postJSON(this.#path, body, call, isOpenAICompatibleWireCompletion)
    const context = { provider: this.provider }
    const { reasoningField, reasoningTag } = this.#config.quirks ?? {}
    const choices = value.choices.map((choice): GenerateChoice => {
      const { message } = choice
      const toolCalls = (message.tool_calls ?? []).map((toolCall) =>
        parseOpenAICompatibleToolCall({ id: toolCall.id, name: toolCall.function.name, arguments: toolCall.function.arguments }, context),
      )
      const { text: content, reasoning: thinking } = readOpenAICompatibleContent(message.content)
      const split = reasoningTag === undefined || content === null ? undefined : splitReasoningTags(content, reasoningTag)
      const fieldReasoning = [readOpenAICompatibleReasoning(message, reasoningField), thinking].filter((part) => part !== undefined).join('')
      const reasonings = [fieldReasoning === '' ? undefined : fieldReasoning, split?.reasoning].filter((part) => part !== undefined)
      const reasoning = reasonings.length > 0 ? reasonings.join('\n') : undefined
      const citations = readOpenAICompatibleCitations(value, message, content)
      return {
        text: split === undefined ? content : split.text,
        ...(reasoning === undefined ? {} : { reasoning }),
        ...(toolCalls.length > 0 ? { toolCalls } : {}),
        finishReason: message.refusal ? 'refusal' : mapOpenAICompatibleFinishReason(choice.finish_reason),
        ...(typeof choice.finish_reason === 'string' ? { rawFinishReason: choice.finish_reason } : {}),
        ...(citations.length === 0 ? {} : { citations }),
      }
    })
    return {
      choices,
      ...(value.usage ? { usage: convertOpenAICompatibleUsage(value.usage) } : {}),
      ...(value.model === undefined ? {} : { responseModel: value.model }),
      raw: value,
      ...(warnings.length > 0 ? { warnings } : {}),
    }
  }

  /**
   * Streams the first choice: text and reasoning deltas, assembled tool calls, then `finish` with usage.
   *
   * @throws APICallError (or a subclass) on any failure, StreamInterruptedError when the stream is cut.
   */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    const { body } = this.#body(request, true)
    const response = await this.#config.api.postStream(this.#path, body, { signal: request.signal, headers: request.headers })
    const { reasoningField, reasoningTag } = this.#config.quirks ?? {}
    const parts = parseOpenAICompatibleStream(response.body, {
      ...response.parseOptions,
      provider: this.provider,
      ...(reasoningField === undefined ? {} : { reasoningField }),
      ...(reasoningTag === undefined ? {} : { reasoningTag }),
    })
    yield* stopStreamOnAbort(parts, request.signal)
  }

  get #path(): string {
    return this.#config.path ?? '/chat/completions'
  }
}
