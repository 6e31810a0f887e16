// Hand-written guards for the Chat Completions and embeddings wire formats (TypeBox is not a dependency here).
// They check only what we read, so the extra fields compatible servers add pass.

/** A tool call in a completion's message. */
export interface OpenAICompatibleWireToolCall {
  readonly id: string
  readonly type?: string
  readonly function: { readonly name: string; readonly arguments: string }
}

/** One typed part of a message's `content`, as Mistral's reasoning models send it (`text`, `thinking`...). */
export interface OpenAICompatibleWireContentPart {
  readonly type: string
  readonly text?: unknown
  /** A `thinking` part's text: typed chunks (`[{ type: 'text', text }]`) or a string. */
  readonly thinking?: unknown
}

/** A message's `content`: text, or typed parts. */
export type OpenAICompatibleWireContent = string | readonly OpenAICompatibleWireContentPart[]

/** Token counts, with the optional details OpenAI adds. */
export interface OpenAICompatibleWireUsage {
  readonly prompt_tokens: number
  readonly completion_tokens: number
  readonly total_tokens?: number
  readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null
  readonly completion_tokens_details?: { readonly reasoning_tokens?: number } | null
}

/** A whole (non-streaming) Chat Completions response. */
export interface OpenAICompatibleWireCompletion {
  readonly id?: string
  readonly model?: string
  readonly choices: readonly {
    readonly index?: number
    readonly message: {
      readonly content?: OpenAICompatibleWireContent | null
      readonly reasoning_content?: string | null
      /** Groq (parsed reasoning), OpenRouter and newer vLLM put the reasoning here; read only when a string. */
      readonly reasoning?: unknown
      readonly refusal?: string | null
      readonly tool_calls?: readonly OpenAICompatibleWireToolCall[] | null
      /** OpenAI's search models: `url_citation` annotations; read defensively. */
      readonly annotations?: unknown
    }
    readonly finish_reason?: string | null
  }[]
  readonly usage?: OpenAICompatibleWireUsage | null
  /** Perplexity: the source URLs; read defensively. */
  readonly citations?: unknown
  /** Perplexity: the sources with titles; read defensively. */
  readonly search_results?: unknown
}

/** A tool-call delta of a streamed chunk; `index` is missing on some compatible servers (Mistral). */
export interface OpenAICompatibleWireToolCallDelta {
  readonly index?: number
  readonly id?: string | null
  readonly function?: { readonly name?: string | null; readonly arguments?: string | null } | null
}

/** One `chat.completion.chunk` of a stream, or an error event. */
export interface OpenAICompatibleWireChunk {
  readonly model?: string
  readonly choices?: readonly {
    readonly index?: number
    readonly delta?: {
      readonly content?: OpenAICompatibleWireContent | null
      readonly reasoning_content?: string | null
      readonly reasoning?: unknown
      readonly tool_calls?: readonly OpenAICompatibleWireToolCallDelta[] | null
      readonly annotations?: unknown
    } | null
    readonly finish_reason?: string | null
  }[]
  readonly usage?: OpenAICompatibleWireUsage | null
  readonly citations?: unknown
  readonly search_results?: unknown
  /** Groq reports a stream's usage here too. */
  readonly x_groq?: { readonly usage?: OpenAICompatibleWireUsage | null } | null
  readonly error?: { readonly message?: string; readonly type?: string; readonly code?: string | null } | null
}

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null
const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || value === null || check(value)
const isString = (value: unknown): boolean => typeof value === 'string'
const isNumber = (value: unknown): boolean => typeof value === 'number'

function isUsage(value: unknown): boolean {
  return (
    isRecord(value) &&
    isNumber(value.prompt_tokens) &&
    isNumber(value.completion_tokens) &&
    isOptional(value.total_tokens, isNumber) &&
    isOptional(value.prompt_tokens_details, (details) => isRecord(details) && isOptional(details.cached_tokens, isNumber)) &&
    isOptional(value.completion_tokens_details, (details) => isRecord(details) && isOptional(details.reasoning_tokens, isNumber))
  )
}

function isToolCall(value: unknown): boolean {
  return isRecord(value) && isString(value.id) && isRecord(value.function) && isString(value.function.name) && isString(value.function.arguments)
}

function isToolCallDelta(value: unknown): boolean {
  return (
    isRecord(value) &&
    isOptional(value.index, isNumber) &&
    isOptional(value.id, isString) &&
    isOptional(value.function, (fn) => isRecord(fn) && isOptional(fn.name, isString) && isOptional(fn.arguments, isString))
  )
}

const isArrayOf = (value: unknown, check: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(check)

const isContentPart = (value: unknown): boolean => isRecord(value) && isString(value.type)
const isContent = (value: unknown): boolean => isString(value) || isArrayOf(value, isContentPart)

function isCompletionChoice(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.message)) return false
  const message = value.message
  return (
    isOptional(message.content, isContent) &&
    isOptional(message.reasoning_content, isString) &&
    isOptional(message.tool_calls, (calls) => isArrayOf(calls, isToolCall)) &&
    isOptional(value.finish_reason, isString)
  )
}

function isChunkChoice(value: unknown): boolean {
  if (!isRecord(value)) return false
  return (
    isOptional(value.finish_reason, isString) &&
    isOptional(
      value.delta,
      (delta) =>
        isRecord(delta) &&
        isOptional(delta.content, isContent) &&
        isOptional(delta.reasoning_content, isString) &&
        isOptional(delta.tool_calls, (calls) => isArrayOf(calls, isToolCallDelta)),
    )
  )
}

/** Checks a whole Chat Completions response. */
export function isOpenAICompatibleWireCompletion(value: unknown): value is OpenAICompatibleWireCompletion {
  return isRecord(value) && isArrayOf(value.choices, isCompletionChoice) && isOptional(value.usage, isUsage) && isOptional(value.model, isString)
}

/** Checks one streamed chunk (an error event passes too, so the caller can raise it). */
export function isOpenAICompatibleWireChunk(value: unknown): value is OpenAICompatibleWireChunk {
  if (!isRecord(value)) return false
  if (isRecord(value.error)) return true
  return (
    isOptional(value.choices, (choices) => isArrayOf(choices, isChunkChoice)) &&
    isOptional(value.usage, isUsage) &&
    isOptional(value.x_groq, (extra) => isRecord(extra) && isOptional(extra.usage, isUsage)) &&
    isOptional(value.model, isString)
  )
}

/** A `/embeddings` response: one vector per input, each with its input's index. */
export interface OpenAICompatibleWireEmbeddings {
  readonly data: readonly { readonly embedding: readonly number[]; readonly index?: number }[]
  readonly model?: string
  readonly usage?: { readonly prompt_tokens: number; readonly total_tokens?: number } | null
}

const isEmbedding = (value: unknown): boolean => isRecord(value) && isArrayOf(value.embedding, isNumber) && isOptional(value.index, isNumber)

/** Checks an `/embeddings` response (float vectors only). */
export function isOpenAICompatibleWireEmbeddings(value: unknown): value is OpenAICompatibleWireEmbeddings {
  return (
    isRecord(value) &&
    isArrayOf(value.data, isEmbedding) &&
    isOptional(value.model, isString) &&
    isOptional(value.usage, (usage) => isRecord(usage) && isNumber(usage.prompt_tokens) && isOptional(usage.total_tokens, isNumber))
  )
}
