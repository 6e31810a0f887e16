import {
  combineHeaders,
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
import { convertOllamaToolCalls } from './convert-ollama-tool-calls.js'
import { convertOllamaUsage } from './convert-ollama-usage.js'
import { mapOllamaDoneReason } from './map-ollama-done-reason.js'
import { createOllamaChatRequestBody } from './ollama-chat-request-body.js'
import { mapOllamaError } from './ollama-error.js'
import type { OllamaModelConfig } from './ollama-model-config.js'
import { isOllamaWireChatResponse } from './ollama-wire-schemas.js'
import { parseOllamaStream } from './parse-ollama-stream.js'

/** What a local model may do; Ollama cannot tell before the call, so every feature is assumed. */
const ollamaCapabilities: ModelCapabilities = {
  structuredOutputs: true,
  jsonMode: true,
  toolCalling: true,
  reasoning: true,
  images: true,
}

/**
 * A model served by Ollama's native chat API (`POST {baseURL}/api/chat`): `generate` sends `stream: false`,
 * `stream` reads the NDJSON stream. Failures are retried with exponential backoff when retrying may help
 * (connection refused, 5xx, 429).
 *
 * @see DSPy's `dspy.LM('ollama_chat/...')`
 */
export class OllamaChatLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'ollama'
  readonly modelId: string
  readonly capabilities: ModelCapabilities = ollamaCapabilities
  readonly #config: OllamaModelConfig

  constructor(modelId: string, config: OllamaModelConfig) {
    this.modelId = modelId
    this.#config = config
  }

  #postOptions(request: GenerateRequest, body: unknown): PostToApiOptions {
    const config = this.#config
    return {
      url: `${config.baseURL()}/api/chat`,
      headers: combineHeaders(config.headers(), request.headers),
      body,
      provider: 'ollama',
      mapError: mapOllamaError,
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
   * Sends the request with `stream: false` and returns the one completion with its text, thinking and tool calls.
   *
   * @throws APICallError (or a subclass) on any failure: NetworkError when Ollama is not running, a 404 when
   *   the model is not pulled, InvalidResponseDataError when the reply is not a chat response.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { body, warnings } = createOllamaChatRequestBody(this.modelId, request, false)
    const options = this.#postOptions(request, body)
    const { value } = await this.#retry(request, () => postJsonToApi({ ...options, validate: isOllamaWireChatResponse }))
    const message = value.message ?? {}
    const toolCalls = convertOllamaToolCalls(message.tool_calls ?? [])
    return {
      choices: [
        {
          text: message.content ?? null,
          ...(message.thinking ? { reasoning: message.thinking } : {}),
          ...(toolCalls.length > 0 ? { toolCalls } : {}),
          finishReason: mapOllamaDoneReason(value.done_reason, toolCalls.length > 0),
        },
      ],
      usage: convertOllamaUsage(value),
      ...(value.model === undefined ? {} : { responseModel: value.model }),
      raw: value,
      ...(warnings.length > 0 ? { warnings } : {}),
    }
  }

  /**
   * Streams the completion: reasoning and text deltas, tool calls, then `finish` with usage.
   *
   * @throws APICallError (or a subclass) on any failure, StreamInterruptedError when the stream is cut.
   */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    const { body } = createOllamaChatRequestBody(this.modelId, request, true)
    const options = this.#postOptions(request, body)
    const response = await this.#retry(request, () => postToApiStream(options))
    yield* parseOllamaStream(response.body, response.parseOptions)
  }
}
