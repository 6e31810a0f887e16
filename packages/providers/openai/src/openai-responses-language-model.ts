import { parseOpenAICompatibleToolCall } from '@dspex/openai-compatible/internal'
import {
  APICallError,
  type GenerateChoice,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type ModelCapabilities,
  type ProviderAPI,
  type ReasoningPart,
  type StreamPart,
  stopStreamOnAbort,
  type ToolCallPart,
} from '@dspex/provider'
import { convertOpenAIResponsesReasoningItem } from './convert-openai-responses-reasoning.js'
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js'
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js'
import { getOpenAIModelCapabilities } from './openai-model-info.js'
import { buildOpenAIResponsesRequestBody } from './openai-responses-request-body.js'
import { isOpenAIResponsesWireResponse, type OpenAIResponsesWireResponse } from './openai-responses-wire-schemas.js'
import { parseOpenAIResponsesStream } from './parse-openai-responses-stream.js'
import { readOpenAIResponsesCitations } from './read-openai-responses-citations.js'

/** What a Responses API model needs from its provider. */
export interface OpenAIResponsesModelConfig {
  /** The provider's transport, from `createProviderAPI`. */
  readonly api: ProviderAPI
  /** The path of the endpoint; default `/responses`. */
  readonly path?: string
}

function toChoice(response: OpenAIResponsesWireResponse): GenerateChoice {
  let text = ''
  let hasText = false
  let refusal = false
  const reasoning: string[] = []
  const reasoningParts: ReasoningPart[] = []
  const toolCalls: ToolCallPart[] = []
  for (const item of response.output) {
    if (item.type === 'message') {
      for (const part of item.content ?? []) {
        if (part.type === 'output_text' && part.text !== undefined) {
          text += part.text
          hasText = true
        } else if (part.type === 'refusal') refusal = true
      }
    } else if (item.type === 'reasoning') {
      for (const part of item.summary ?? []) reasoning.push(part.text)
      reasoningParts.push(convertOpenAIResponsesReasoningItem(item))
    } else if (item.type === 'function_call') {
      toolCalls.push(
        parseOpenAICompatibleToolCall(
          { id: item.call_id ?? item.id ?? '', name: item.name ?? '', arguments: item.arguments ?? '' },
          { provider: 'openai' },
        ),
      )
    }
  }
  const citations = readOpenAIResponsesCitations(response.output)
  return {
    text: hasText ? text : null,
    ...(reasoning.length === 0 ? {} : { reasoning: reasoning.join('\n\n') }),
    ...(reasoningParts.length === 0 ? {} : { reasoningParts }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    finishReason: refusal
      ? 'refusal'
      : mapOpenAIResponsesFinishReason(response.status ?? 'completed', response.incomplete_details?.reason, toolCalls.length > 0),
    rawFinishReason: response.incomplete_details?.reason ?? response.status ?? 'completed',
    ...(citations.length === 0 ? {} : { citations }),
  }
}

/**
 * An OpenAI model over the Responses API (`POST {baseURL}/responses`), with `store: false` by default: output text,
 * reasoning summaries and function calls come back as one choice; streaming follows the API's typed events. Each
 * reasoning item comes back as a `reasoningParts` entry (`signature` holds the item id, `redactedData` its
 * `encrypted_content`); put them in the assistant message's `reasoning` to send them back in the next turn.
 *
 * @see DSPy's `dspy.LM('openai/...', model_type='responses')`
 */
export class OpenAIResponsesLanguageModel implements LanguageModel {
  /** The version of the language-model interface this class implements. */
  readonly specificationVersion = 'v1' as const
  /** The provider's name. */
  readonly provider = 'openai'
  /** The model id sent as `model`. */
  readonly modelId: string
  /** What the model supports. */
  readonly capabilities: ModelCapabilities
  readonly #config: OpenAIResponsesModelConfig

  /**
   * @param modelId - The OpenAI model id (`gpt-4.1-mini`, `o4-mini`).
   * @param config - The provider's transport.
   */
  constructor(modelId: string, config: OpenAIResponsesModelConfig) {
    this.modelId = modelId
    this.capabilities = getOpenAIModelCapabilities(modelId)
    this.#config = config
  }

  /**
   * Sends the request and returns its one choice: text, reasoning summary and reasoning parts, function calls and
   * finish reason.
   *
   * @throws APICallError (or a subclass) on any failure, a `failed` response included; InvalidResponseDataError when
   * the reply has the wrong shape or function arguments are not JSON.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { body, warnings } = buildOpenAIResponsesRequestBody(this.modelId, request, false)
    const call = { signal: request.signal, headers: request.headers }
    const { value } = await this.#config.api.postJSON(this.#config.path ?? '/responses', body, call, isOpenAIResponsesWireResponse)
    if (value.status === 'failed') {
      throw new APICallError({
        provider: 'openai',
        message: `openai response failed: ${value.error?.message ?? 'unknown error'}`,
        responseBody: JSON.stringify(value),
        isRetryable: false,
        ...(value.error ? { data: value.error } : {}),
      })
    }
    return {
      choices: [toChoice(value)],
      ...(value.usage ? { usage: convertOpenAIResponsesUsage(value.usage) } : {}),
      ...(value.model === undefined ? {} : { responseModel: value.model }),
      raw: value,
      ...(warnings.length > 0 ? { warnings } : {}),
    }
  }

  /**
   * Streams the response: text and reasoning-summary deltas, a `reasoning-part` and each function call when its
   * item is done, then `finish`.
   *
   * @throws APICallError (or a subclass) on any failure; StreamInterruptedError when the stream is cut.
   */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    const { body } = buildOpenAIResponsesRequestBody(this.modelId, request, true)
    const response = await this.#config.api.postStream(this.#config.path ?? '/responses', body, {
      signal: request.signal,
      headers: request.headers,
    })
    yield* stopStreamOnAbort(parseOpenAIResponsesStream(response.body, { ...response.parseOptions, provider: 'openai' }), request.signal)
  }
}
