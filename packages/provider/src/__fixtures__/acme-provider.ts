import {
  ContextWindowExceededError,
  combineHeaders,
  createAPICallError,
  type FinishReason,
  type GenerateRequest,
  type LanguageModel,
  loadAPIKey,
  type MapErrorFunction,
  type Message,
  type PostToAPIOptions,
  parseJSON,
  parseSSEStream,
  postJSONToAPI,
  postToAPIStream,
} from '../index.js'

/** Settings of the Acme provider (any OpenAI-compatible chat API). */
export interface AcmeSettings {
  /** The API key; defaults to the ACME_API_KEY environment variable, read at call time. */
  readonly apiKey?: string
  /** The API's base URL. */
  readonly baseURL?: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
}

interface AcmeCompletion {
  readonly model?: string
  readonly choices: readonly { readonly message: { readonly content: string | null }; readonly finish_reason: string }[]
  readonly usage?: { readonly prompt_tokens: number; readonly completion_tokens: number; readonly total_tokens: number }
}

interface AcmeChunk {
  readonly choices: readonly { readonly delta: { readonly content?: string }; readonly finish_reason: string | null }[]
}

// Real providers check wire formats with compiled TypeBox schemas; a shallow guard keeps this short.
const hasChoices = (value: unknown): boolean => typeof value === 'object' && value !== null && Array.isArray((value as { choices?: unknown }).choices)
const isAcmeCompletion = (value: unknown): value is AcmeCompletion => hasChoices(value)
const isAcmeChunk = (value: unknown): value is AcmeChunk => hasChoices(value)

const finishReasons: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  content_filter: 'content-filter',
}

/** This minimal provider sends text only: multimodal parts and tools are left out. */
function toAcmeMessages(messages: readonly Message[]): unknown[] {
  return messages.map((message) => {
    if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content }
    if (typeof message.content !== 'object' || message.content === null) return message
    const text = message.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
    return { role: message.role, content: text }
  })
}

/** Acme reports errors as `{ error: { type, message } }`; a too-long prompt gets its own class. */
const mapAcmeError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  if (responseBody.includes('"context_length_exceeded"')) {
    const message = 'Acme: the prompt does not fit the model context window.'
    return new ContextWindowExceededError({ ...context, message, statusCode, responseBody, responseHeaders })
  }
  return createAPICallError({ ...context, statusCode, responseBody, responseHeaders })
}

/**
 * Creates the Acme provider: call it with a model id to get a `LanguageModel`.
 *
 * @example
 * ```ts
 * const acme = createAcme({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' })
 * const result = await acme('llama3.2').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * ```
 */
export function createAcme(settings: AcmeSettings = {}): (modelId: string) => LanguageModel {
  const baseURL = settings.baseURL ?? 'https://api.acme.dev/v1'
  const options = (modelId: string, request: GenerateRequest, stream: boolean): PostToAPIOptions => {
    const apiKey = loadAPIKey({ apiKey: settings.apiKey, environmentVariableName: 'ACME_API_KEY', description: 'Acme' })
    return {
      url: `${baseURL}/chat/completions`,
      headers: combineHeaders({ authorization: `Bearer ${apiKey}` }, settings.headers, request.headers),
      body: {
        model: modelId,
        messages: toAcmeMessages(request.messages),
        temperature: request.temperature,
        max_tokens: request.maxTokens,
        stream,
      },
      signal: request.signal,
      provider: 'acme',
      mapError: mapAcmeError,
    }
  }

  return (modelId) => ({
    specificationVersion: 'v1',
    provider: 'acme',
    modelId,
    capabilities: { structuredOutputs: false, jsonMode: false, toolCalling: false, reasoning: false, images: false },

    async generate(request) {
      const { value } = await postJSONToAPI({ ...options(modelId, request, false), validate: isAcmeCompletion })
      return {
        choices: value.choices.map((choice) => ({
          text: choice.message.content,
          finishReason: finishReasons[choice.finish_reason] ?? 'other',
        })),
        ...(value.usage && {
          usage: {
            promptTokens: value.usage.prompt_tokens,
            completionTokens: value.usage.completion_tokens,
            totalTokens: value.usage.total_tokens,
          },
        }),
        ...(value.model && { responseModel: value.model }),
        raw: value,
      }
    },

    async *stream(request) {
      const { body, parseOptions } = await postToAPIStream(options(modelId, request, true))
      for await (const event of parseSSEStream(body, parseOptions)) {
        const choice = parseJSON(event.data, { ...parseOptions, validate: isAcmeChunk }).choices[0]
        if (choice?.delta.content) yield { type: 'text-delta', delta: choice.delta.content }
        if (choice?.finish_reason) yield { type: 'finish', finishReason: finishReasons[choice.finish_reason] ?? 'other' }
      }
    },
  })
}
