import {
  combineHeaders,
  type FetchFunction,
  type GenerateChoice,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type ModelCapabilities,
  type PostToApiOptions,
  postJsonToApi,
  postToApiStream,
  retryWithExponentialBackoff,
  type StreamPart,
} from '@dspex/provider'
import { convertOpenAIUsage } from './convert-openai-usage.js'
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js'
import { createOpenAIChatRequestBody } from './openai-chat-request-body.js'
import { mapOpenAIError } from './openai-error.js'
import { getOpenAIModelCapabilities } from './openai-model-info.js'
import { isOpenAIWireCompletion } from './openai-wire-schemas.js'
import { parseOpenAIStream } from './parse-openai-stream.js'
import { parseOpenAIToolCall } from './parse-openai-tool-call.js'

/** What a chat model needs from its provider: where to call, with which headers, and how. */
export interface OpenAIChatModelConfig {
  readonly baseURL: string
  /** Called on every request, so the API key is read at call time. */
  readonly headers: () => Readonly<Record<string, string | undefined>>
  readonly fetch?: FetchFunction
  readonly maxRetries: number
  readonly timeoutMs?: number
}

/**
 * A Chat Completions model (`POST {baseURL}/chat/completions`): `generate` returns every choice, `stream`
 * yields deltas of the first. Failures are retried with exponential backoff when retrying may help.
 *
 * @see DSPy's `dspy.LM` with an `openai/` model
 */
export class OpenAIChatLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'openai'
  readonly modelId: string
  readonly capabilities: ModelCapabilities
  readonly #config: OpenAIChatModelConfig

  constructor(modelId: string, config: OpenAIChatModelConfig) {
    this.modelId = modelId
    this.capabilities = getOpenAIModelCapabilities(modelId)
    this.#config = config
  }

  #postOptions(request: GenerateRequest, body: unknown): PostToApiOptions {
    const config = this.#config
    return {
      url: `${config.baseURL.replace(/\/+$/, '')}/chat/completions`,
      headers: combineHeaders(config.headers(), request.headers),
      body,
      provider: 'openai',
      mapError: mapOpenAIError,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
      ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    }
  }

  #retry<Result>(request: GenerateRequest, call: () => Promise<Result>): Promise<Result> {
    return retryWithExponentialBackoff(call, {
      maxRetries: this.#config.maxRetries,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    })
  }

  /**
   * Sends the request and returns every choice with its text, reasoning and tool calls.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when tool arguments are not JSON.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { body, warnings } = createOpenAIChatRequestBody(this.modelId, request, false)
    const options = this.#postOptions(request, body)
    const { value } = await this.#retry(request, () => postJsonToApi({ ...options, validate: isOpenAIWireCompletion }))
    const context = { url: options.url }
    const choices = value.choices.map((choice): GenerateChoice => {
      const { message } = choice
      const toolCalls = (message.tool_calls ?? []).map((call) =>
        parseOpenAIToolCall({ id: call.id, name: call.function.name, arguments: call.function.arguments }, context),
      )
      return {
        text: message.content ?? null,
        ...(message.reasoning_content ? { reasoning: message.reasoning_content } : {}),
        ...(toolCalls.length > 0 ? { toolCalls } : {}),
        finishReason: message.refusal ? 'refusal' : mapOpenAIFinishReason(choice.finish_reason),
      }
    })
    return {
      choices,
      ...(value.usage ? { usage: convertOpenAIUsage(value.usage) } : {}),
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
    const { body } = createOpenAIChatRequestBody(this.modelId, request, true)
    const options = this.#postOptions(request, body)
    const response = await this.#retry(request, () => postToApiStream(options))
    yield* parseOpenAIStream(response.body, response.parseOptions)
  }
}
