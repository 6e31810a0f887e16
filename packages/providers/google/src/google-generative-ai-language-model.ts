import {
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
import { convertGoogleGroundingMetadata } from './convert-google-grounding-metadata.js'
import { createGoogleReasoningCollector } from './google-reasoning-parts.js'
import { buildGoogleRequestBody } from './google-request-body.js'
import { type GoogleCandidate, isGoogleGenerateContentResponse } from './google-wire-schemas.js'
import { mapGoogleFinishReason } from './map-google-finish-reason.js'
import { mapGoogleUsage } from './map-google-usage.js'
import { parseGoogleStream } from './parse-google-stream.js'

/** What a Gemini language model needs from its provider. */
export interface GoogleLanguageModelConfig {
  /** The provider's transport: base URL, `x-goog-api-key` header, errors, retries, time limit, fetch. */
  readonly api: ProviderAPI
}

function toChoice(candidate: GoogleCandidate): GenerateChoice {
  let text = ''
  let reasoning = ''
  const toolCalls: ToolCallPart[] = []
  const reasoningParts: ReasoningPart[] = []
  const collector = createGoogleReasoningCollector()
  for (const part of candidate.content?.parts ?? []) {
    const closed = collector.add(part)
    if (closed !== undefined) reasoningParts.push(closed)
    if (part.functionCall?.name !== undefined) {
      const args = part.functionCall.args
      const isObject = typeof args === 'object' && args !== null && !Array.isArray(args)
      toolCalls.push({
        id: `call_${toolCalls.length}`,
        name: part.functionCall.name,
        args: isObject ? (args as Record<string, unknown>) : {},
        ...(part.thoughtSignature ? { signature: part.thoughtSignature } : {}),
      })
    } else if (part.text !== undefined) {
      if (part.thought === true) reasoning += part.text
      else text += part.text
    }
  }
  const rest = collector.flush()
  if (rest !== undefined) reasoningParts.push(rest)
  const citations = convertGoogleGroundingMetadata(candidate.groundingMetadata)
  return {
    text: text === '' && (toolCalls.length > 0 || candidate.content === undefined) ? null : text,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(reasoningParts.length === 0 ? {} : { reasoningParts }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    finishReason: mapGoogleFinishReason(candidate.finishReason, toolCalls.length > 0),
    ...(candidate.finishReason === undefined ? {} : { rawFinishReason: candidate.finishReason }),
    ...(citations.length === 0 ? {} : { citations }),
  }
}

/**
 * One Gemini model over `models/{id}:generateContent` and `:streamGenerateContent?alt=sse`, as `createGoogle`
 * builds it. The API key goes in the `x-goog-api-key` header, never the URL. Both calls post through the
 * provider's `ProviderAPI`: `generate` retries retryable failures up to `maxRetries` times; `stream` retries
 * only until the response headers arrive.
 */
export class GoogleGenerativeAILanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'google'
  readonly modelId: string
  readonly capabilities: ModelCapabilities
  readonly #config: GoogleLanguageModelConfig
  readonly #modelPath: string

  /**
   * @param modelId - The Gemini model id (`gemini-2.5-flash`), with or without the `models/` prefix.
   * @param config - Where and how to call the API.
   */
  constructor(modelId: string, config: GoogleLanguageModelConfig) {
    this.modelId = modelId
    this.#config = config
    this.#modelPath = modelId.startsWith('models/') || modelId.startsWith('tunedModels/') ? modelId : `models/${modelId}`
    this.capabilities = {
      structuredOutputs: true,
      jsonMode: true,
      toolCalling: true,
      reasoning: /gemini-(2\.5|[3-9])/.test(modelId),
      images: true,
    }
  }

  #path(stream: boolean): string {
    return `/${this.#modelPath}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`
  }

  /**
   * Sends the request and returns every candidate as a choice; a blocked prompt gives one empty choice and a warning.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the reply is not a `GenerateContentResponse`.
   */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const built = buildGoogleRequestBody(request)
    const call = { signal: request.signal, headers: request.headers }
    const { value } = await this.#config.api.postJSON(this.#path(false), built.body, call, isGoogleGenerateContentResponse)
    const candidates = value.candidates ?? []
    const blockReason = value.promptFeedback?.blockReason
    const choices: GenerateChoice[] =
      candidates.length === 0
        ? [
            blockReason === undefined
              ? { text: null, finishReason: 'unknown' }
              : { text: null, finishReason: mapGoogleFinishReason(blockReason), rawFinishReason: blockReason },
          ]
        : candidates.map(toChoice)
    const warnings = blockReason === undefined ? built.warnings : [...built.warnings, `google: the prompt was blocked (${blockReason}).`]
    return {
      choices,
      ...(value.usageMetadata === undefined ? {} : { usage: mapGoogleUsage(value.usageMetadata) }),
      ...(value.modelVersion === undefined ? {} : { responseModel: value.modelVersion }),
      raw: value,
      ...(warnings.length === 0 ? {} : { warnings }),
    }
  }

  /**
   * Streams the first candidate over SSE: text, thought and tool-call parts, then `finish` with usage.
   *
   * @throws APICallError (or a subclass) on any failure, StreamInterruptedError when the stream is cut.
   */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    const built = buildGoogleRequestBody(request)
    const call = { signal: request.signal, headers: request.headers }
    const { body, parseOptions } = await this.#config.api.postStream(this.#path(true), built.body, call)
    yield* stopStreamOnAbort(parseGoogleStream(parseSSEStream(body, parseOptions), parseOptions), request.signal)
  }
}
