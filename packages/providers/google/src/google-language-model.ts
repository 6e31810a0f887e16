import {
  combineHeaders,
  type FetchFunction,
  type GenerateChoice,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  loadApiKey,
  type ModelCapabilities,
  type PostToApiOptions,
  parseSseStream,
  postJsonToApi,
  postToApiStream,
  retryWithExponentialBackoff,
  type StreamPart,
  type ToolCallPart,
} from '@dspex/provider'
import { mapGoogleError } from './google-error.js'
import { buildGoogleRequest } from './google-request-body.js'
import { type GoogleCandidate, isGoogleGenerateContentResponse } from './google-wire-schemas.js'
import { mapGoogleFinishReason } from './map-google-finish-reason.js'
import { mapGoogleUsage } from './map-google-usage.js'
import { parseGoogleStream } from './parse-google-stream.js'

/** What a Gemini language model needs from its provider. */
export interface GoogleLanguageModelConfig {
  /** The API key, or undefined to read GOOGLE_GENERATIVE_AI_API_KEY (then GEMINI_API_KEY) at call time. */
  readonly apiKey?: string
  /** The API's base URL, without a trailing slash (`https://generativelanguage.googleapis.com/v1beta`). */
  readonly baseURL: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** Retries after a retryable failure (429, 5xx, network). */
  readonly maxRetries: number
  /** A time limit per attempt, in milliseconds. */
  readonly timeoutMs?: number
}

function readApiKey(apiKey: string | undefined): string {
  const fallback = typeof process === 'undefined' ? undefined : process.env.GEMINI_API_KEY
  const primary = typeof process === 'undefined' ? undefined : process.env.GOOGLE_GENERATIVE_AI_API_KEY
  const useFallback = apiKey === undefined && (primary === undefined || primary.trim() === '') && fallback?.trim()
  return loadApiKey({
    apiKey,
    environmentVariableName: useFallback ? 'GEMINI_API_KEY' : 'GOOGLE_GENERATIVE_AI_API_KEY',
    description: 'Google Generative AI',
  })
}

function toChoice(candidate: GoogleCandidate): GenerateChoice {
  let text = ''
  let reasoning = ''
  const toolCalls: ToolCallPart[] = []
  for (const part of candidate.content?.parts ?? []) {
    if (part.functionCall !== undefined) {
      const args = part.functionCall.args
      const isObject = typeof args === 'object' && args !== null && !Array.isArray(args)
      toolCalls.push({ id: `call_${toolCalls.length}`, name: part.functionCall.name, args: isObject ? (args as Record<string, unknown>) : {} })
    } else if (part.text !== undefined) {
      if (part.thought === true) reasoning += part.text
      else text += part.text
    }
  }
  return {
    text: text === '' && (toolCalls.length > 0 || candidate.content === undefined) ? null : text,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    finishReason: mapGoogleFinishReason(candidate.finishReason, toolCalls.length > 0),
  }
}

/**
 * Creates a `LanguageModel` for one Gemini model over `models/{id}:generateContent` and
 * `:streamGenerateContent?alt=sse`. The API key goes in the `x-goog-api-key` header, never the URL.
 * `generate` retries retryable failures up to `maxRetries` times; `stream` retries only until the
 * response headers arrive.
 *
 * @param modelId - The Gemini model id (`gemini-2.5-flash`), with or without the `models/` prefix.
 * @param config - Where and how to call the API.
 */
export function createGoogleLanguageModel(modelId: string, config: GoogleLanguageModelConfig): LanguageModel {
  const capabilities: ModelCapabilities = {
    structuredOutputs: true,
    jsonMode: true,
    toolCalling: true,
    reasoning: /gemini-(2\.5|[3-9])/.test(modelId),
    images: true,
  }
  const modelPath = modelId.startsWith('models/') || modelId.startsWith('tunedModels/') ? modelId : `models/${modelId}`
  const post = (request: GenerateRequest, stream: boolean) => {
    const built = buildGoogleRequest(request)
    const apiKey = readApiKey(config.apiKey)
    const options: PostToApiOptions = {
      url: `${config.baseURL}/${modelPath}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
      headers: combineHeaders({ 'x-goog-api-key': apiKey }, config.headers, request.headers),
      body: built.body,
      provider: 'google',
      mapError: mapGoogleError,
      secrets: [apiKey],
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
      ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    }
    return { built, options }
  }
  const retryOptions = (request: GenerateRequest) => ({
    maxRetries: config.maxRetries,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  })

  return {
    specificationVersion: 'v1',
    provider: 'google',
    modelId,
    capabilities,

    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const { built, options } = post(request, false)
      const { value } = await retryWithExponentialBackoff(
        () => postJsonToApi({ ...options, validate: isGoogleGenerateContentResponse }),
        retryOptions(request),
      )
      const candidates = value.candidates ?? []
      const blockReason = value.promptFeedback?.blockReason
      const choices: GenerateChoice[] =
        candidates.length === 0
          ? [{ text: null, finishReason: blockReason === undefined ? 'unknown' : mapGoogleFinishReason(blockReason) }]
          : candidates.map(toChoice)
      const warnings = blockReason === undefined ? built.warnings : [...built.warnings, `google: the prompt was blocked (${blockReason}).`]
      return {
        choices,
        ...(value.usageMetadata === undefined ? {} : { usage: mapGoogleUsage(value.usageMetadata) }),
        ...(value.modelVersion === undefined ? {} : { responseModel: value.modelVersion }),
        raw: value,
        ...(warnings.length === 0 ? {} : { warnings }),
      }
    },

    async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
      const { options } = post(request, true)
      const { body, parseOptions } = await retryWithExponentialBackoff(() => postToApiStream(options), retryOptions(request))
      yield* parseGoogleStream(parseSseStream(body, parseOptions), parseOptions)
    },
  }
}
