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
import { mapAnthropicError } from './anthropic-error.js'
import { getAnthropicModelInfo } from './anthropic-model-info.js'
import { anthropicJsonToolName, buildAnthropicRequest } from './anthropic-request-body.js'
import { type AnthropicMessage, isAnthropicMessage } from './anthropic-wire-schemas.js'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js'
import { mapAnthropicUsage } from './map-anthropic-usage.js'
import { parseAnthropicStream } from './parse-anthropic-stream.js'

/** The `anthropic-version` header every call sends. */
export const anthropicVersion = '2023-06-01'

/** What an Anthropic language model needs from its provider. */
export interface AnthropicLanguageModelConfig {
  /** The API key, or undefined to read ANTHROPIC_API_KEY at call time. */
  readonly apiKey?: string
  /** The API's base URL, without a trailing slash (`https://api.anthropic.com/v1`). */
  readonly baseURL: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
  /** Retries after a retryable failure (429, 5xx, 529 overloaded, network). */
  readonly maxRetries: number
  /** A time limit per attempt, in milliseconds. */
  readonly timeoutMs?: number
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function toChoice(message: AnthropicMessage, isJsonTool: boolean): GenerateChoice {
  let text = ''
  let reasoning = ''
  const toolCalls: ToolCallPart[] = []
  for (const block of message.content) {
    if (block.type === 'text' && 'text' in block) text += block.text
    else if (block.type === 'thinking' && 'thinking' in block) reasoning += block.thinking
    else if (block.type === 'tool_use' && 'input' in block) {
      if (isJsonTool && block.name === anthropicJsonToolName) text += JSON.stringify(block.input)
      else toolCalls.push({ id: block.id, name: block.name, args: isRecord(block.input) ? block.input : {} })
    }
  }
  const hasText = text !== '' || (toolCalls.length === 0 && message.stop_reason !== 'refusal')
  return {
    text: hasText ? text : null,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    finishReason: mapAnthropicStopReason(message.stop_reason, isJsonTool),
  }
}

/**
 * Creates a `LanguageModel` for one Anthropic model over the Messages API (`POST /messages`).
 * `generate` retries retryable failures up to `maxRetries` times; `stream` retries only until
 * the response headers arrive.
 *
 * @param modelId - The Anthropic model id (`claude-sonnet-4-5`).
 * @param config - Where and how to call the API.
 */
export function createAnthropicLanguageModel(modelId: string, config: AnthropicLanguageModelConfig): LanguageModel {
  const info = getAnthropicModelInfo(modelId)
  const capabilities: ModelCapabilities = {
    structuredOutputs: true,
    jsonMode: false,
    toolCalling: true,
    reasoning: info.supportsThinking,
    images: true,
  }
  const post = (request: GenerateRequest, stream: boolean) => {
    const built = buildAnthropicRequest(modelId, request, stream)
    const apiKey = loadApiKey({
      apiKey: config.apiKey,
      environmentVariableName: 'ANTHROPIC_API_KEY',
      description: 'Anthropic',
    })
    const options: PostToApiOptions = {
      url: `${config.baseURL}/messages`,
      headers: combineHeaders(
        {
          'x-api-key': apiKey,
          'anthropic-version': anthropicVersion,
          ...(built.betas.length === 0 ? {} : { 'anthropic-beta': built.betas.join(',') }),
        },
        config.headers,
        request.headers,
      ),
      body: built.body,
      provider: 'anthropic',
      mapError: mapAnthropicError,
      secrets: [apiKey],
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
      ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    }
    return { built, options }
  }
  const retry = { maxRetries: config.maxRetries }

  return {
    specificationVersion: 'v1',
    provider: 'anthropic',
    modelId,
    capabilities,

    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const { built, options } = post(request, false)
      const { value } = await retryWithExponentialBackoff(
        () => postJsonToApi({ ...options, validate: isAnthropicMessage }),
        { ...retry, ...(request.signal === undefined ? {} : { signal: request.signal }) },
      )
      return {
        choices: [toChoice(value, built.isJsonTool)],
        ...(value.usage === undefined ? {} : { usage: mapAnthropicUsage(value.usage) }),
        ...(value.model === undefined ? {} : { responseModel: value.model }),
        raw: value,
        ...(built.warnings.length === 0 ? {} : { warnings: built.warnings }),
      }
    },

    async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
      const { built, options } = post(request, true)
      const { body, parseOptions } = await retryWithExponentialBackoff(() => postToApiStream(options), {
        ...retry,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      })
      yield* parseAnthropicStream(parseSseStream(body, parseOptions), { ...parseOptions, isJsonTool: built.isJsonTool })
    },
  }
}
