/** A tool call as Ollama writes it: the arguments are already an object. */
export interface OllamaWireToolCall {
  readonly id?: string
  readonly function: { readonly index?: number; readonly name: string; readonly arguments: Readonly<Record<string, unknown>> }
}

/** The `message` of a chat reply or stream chunk. */
export interface OllamaWireMessage {
  readonly role?: string
  readonly content?: string
  readonly thinking?: string
  readonly tool_calls?: readonly OllamaWireToolCall[]
}

/** One `/api/chat` reply (`stream: false`) or one NDJSON line of a stream. */
export interface OllamaWireChatResponse {
  readonly model?: string
  readonly created_at?: string
  readonly message?: OllamaWireMessage
  readonly done?: boolean
  readonly done_reason?: string
  readonly prompt_eval_count?: number
  readonly eval_count?: number
  readonly error?: string
}

/** The `/api/embed` reply. */
export interface OllamaWireEmbedResponse {
  readonly model?: string
  readonly embeddings: readonly (readonly number[])[]
  readonly prompt_eval_count?: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOptional(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || value === null || typeof value === type
}

function isToolCall(value: unknown): value is OllamaWireToolCall {
  if (!isRecord(value) || !isOptional(value.id, 'string')) return false
  const fn = value.function
  return isRecord(fn) && typeof fn.name === 'string' && isRecord(fn.arguments) && isOptional(fn.index, 'number')
}

function isMessage(value: unknown): value is OllamaWireMessage {
  if (!isRecord(value)) return false
  if (!isOptional(value.role, 'string') || !isOptional(value.content, 'string') || !isOptional(value.thinking, 'string')) {
    return false
  }
  const calls = value.tool_calls
  return calls === undefined || calls === null || (Array.isArray(calls) && calls.every(isToolCall))
}

/** Checks the shape of an `/api/chat` reply or stream line (unknown fields are allowed). */
export function isOllamaWireChatResponse(value: unknown): value is OllamaWireChatResponse {
  if (!isRecord(value)) return false
  return (
    isOptional(value.model, 'string') &&
    isOptional(value.done, 'boolean') &&
    isOptional(value.done_reason, 'string') &&
    isOptional(value.prompt_eval_count, 'number') &&
    isOptional(value.eval_count, 'number') &&
    isOptional(value.error, 'string') &&
    (value.message === undefined || isMessage(value.message))
  )
}

/** Checks the shape of an `/api/embed` reply. */
export function isOllamaWireEmbedResponse(value: unknown): value is OllamaWireEmbedResponse {
  if (!isRecord(value) || !Array.isArray(value.embeddings)) return false
  return value.embeddings.every((embedding) => Array.isArray(embedding) && embedding.every((item) => typeof item === 'number'))
}
