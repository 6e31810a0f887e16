import {
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  type ModelCapabilities,
  type StreamPart,
  stopStreamOnAbort,
} from '@dspex/provider'
import { convertOllamaToolCalls } from './convert-ollama-tool-calls.js'
import { convertOllamaUsage } from './convert-ollama-usage.js'
import { mapOllamaDoneReason } from './map-ollama-done-reason.js'
import { buildOllamaChatRequestBody } from './ollama-chat-request-body.js'
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

  #call(request: GenerateRequest) {
    return { signal: request.signal, headers: request.headers }
  }

  /**
   * Sends the request with `stream: false` and returns the one completion with its text, thinking and tool calls.
   *
   * @throws APICallError (or a subclass) on any failure: NetworkError when Ollama is not running, a 404 when
   *   the model is not pulled, InvalidResponseDataError when the reply is not a chat response.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { body, warnings } = buildOllamaChatRequestBody(this.modelId, request, false)
    const { value } = await this.#config.api.postJSON('/api/chat', body, this.#call(request), isOllamaWireChatResponse)
    const message = value.message ?? {}
    const toolCalls = convertOllamaToolCalls(message.tool_calls ?? [])
    return {
      choices: [
        {
          text: message.content ?? null,
          ...(message.thinking
            ? { reasoning: message.thinking, reasoningParts: [{ type: 'reasoning', provider: 'ollama', text: message.thinking }] }
            : {}),
          ...(toolCalls.length > 0 ? { toolCalls } : {}),
          finishReason: mapOllamaDoneReason(value.done_reason, toolCalls.length > 0),
          ...(value.done_reason === undefined ? {} : { rawFinishReason: value.done_reason }),
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
    const { body } = buildOllamaChatRequestBody(this.modelId, request, true)
    const response = await this.#config.api.postStream('/api/chat', body, this.#call(request))
    yield* stopStreamOnAbort(parseOllamaStream(response.body, response.parseOptions), request.signal)
  }
}
