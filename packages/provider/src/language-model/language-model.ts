import type { Citation } from './citation.js'
import type { Message, ReasoningPart, ToolCallPart } from './language-model-message.js'

/** A function the model may call: its name, description and JSON Schema for the arguments. */
export interface ToolDefinition {
  readonly name: string
  readonly description: string
  readonly parameters: Readonly<Record<string, unknown>>
}

/** How the model must shape its reply. */
export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json' }
  | {
      readonly type: 'json_schema'
      readonly name: string
      readonly schema: Readonly<Record<string, unknown>>
      readonly strict: boolean
    }

/** A provider-neutral request for one model call. */
export interface GenerateRequest {
  readonly messages: readonly Message[]
  readonly tools?: readonly ToolDefinition[]
  readonly toolChoice?: 'auto' | 'none' | 'required' | { readonly name: string }
  readonly parallelToolCalls?: boolean
  readonly responseFormat?: ResponseFormat
  readonly temperature?: number
  readonly maxTokens?: number
  readonly topP?: number
  readonly stop?: readonly string[]
  readonly seed?: number
  /** How many completions to return (providers that cannot do several are called several times by the LM). */
  readonly n?: number
  /** Reasoning effort for models that reason (`low`, `medium`, `high`). */
  readonly reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high'
  /** Options only one provider understands, keyed by provider name. */
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly signal?: AbortSignal | undefined
}

/** Token counts of one call. */
export interface Usage {
  readonly promptTokens: number
  readonly completionTokens: number
  /** The provider's own total when it reports one, else `promptTokens + completionTokens`. */
  readonly totalTokens: number
  readonly cachedPromptTokens?: number
  /** The reasoning (thinking) tokens, wherever the provider reports them. */
  readonly reasoningTokens?: number
  /**
   * The total exactly as the provider reported it, absent when it reports none (Anthropic, Ollama). It need not be
   * `promptTokens + completionTokens`: xAI's counts reasoning its completion count leaves out.
   */
  readonly providerTotalTokens?: number
}

/** Why the model stopped. */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'refusal' | 'error' | 'other' | 'unknown'

/** One completion of a call. */
export interface GenerateChoice {
  readonly text: string | null
  readonly reasoning?: string
  /** The reasoning as the provider's parts, with signatures, to send back in an assistant message. */
  readonly reasoningParts?: readonly ReasoningPart[]
  readonly toolCalls?: readonly ToolCallPart[]
  readonly finishReason: FinishReason
  /** The finish reason as the provider sent it (`end_turn`, `STOP`, `tool_calls`), beside the normalized `finishReason`. */
  readonly rawFinishReason?: string
  /** The sources the model cited, in the order the provider gave them. */
  readonly citations?: readonly Citation[]
}

/** The result of {@link LanguageModel.generate}. */
export interface GenerateResult {
  readonly choices: readonly GenerateChoice[]
  readonly usage?: Usage
  /** The provider's model id that answered. */
  readonly responseModel?: string
  /** The provider's response, untouched, for debugging. */
  readonly raw?: unknown
  readonly warnings?: readonly string[]
}

/** One event of a streamed call. */
export type StreamPart =
  | { readonly type: 'text-delta'; readonly delta: string }
  | { readonly type: 'reasoning-delta'; readonly delta: string }
  | { readonly type: 'reasoning-part'; readonly part: ReasoningPart }
  | { readonly type: 'tool-call'; readonly toolCall: ToolCallPart }
  | {
      readonly type: 'finish'
      readonly finishReason: FinishReason
      /** The finish reason as the provider sent it, beside the normalized one. */
      readonly rawFinishReason?: string
      readonly usage?: Usage
      /** Every source the streamed answer cited, as `generate` gives them. */
      readonly citations?: readonly Citation[]
    }
  | { readonly type: 'error'; readonly error: unknown }

/**
 * The language-model interface every provider package implements (version 1 of the spec).
 * `generate` returns whole completions; `stream` yields deltas as they arrive. Both honour
 * `request.signal` and throw an `APICallError` (or subclass) on any failure.
 */
export interface LanguageModel {
  readonly specificationVersion: 'v1'
  /** The provider's name (`openai`, `anthropic`...). */
  readonly provider: string
  /** The model id (`gpt-4o-mini`). */
  readonly modelId: string
  /** What the model supports, so formats can choose structured outputs or native tools. */
  readonly capabilities: ModelCapabilities
  generate(request: GenerateRequest): Promise<GenerateResult>
  stream(request: GenerateRequest): AsyncIterable<StreamPart>
}

/** What a model can do. */
export interface ModelCapabilities {
  readonly structuredOutputs: boolean
  readonly jsonMode: boolean
  readonly toolCalling: boolean
  readonly reasoning: boolean
  readonly images: boolean
  /** The model cites the documents it is given, natively (Anthropic); formats then fill `Citations` outputs from it. */
  readonly citations?: boolean
}
