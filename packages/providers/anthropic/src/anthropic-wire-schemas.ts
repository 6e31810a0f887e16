/** Token counts as Anthropic reports them (`usage` of a message or a `message_delta`). */
export interface AnthropicUsage {
  readonly input_tokens?: number | null
  readonly output_tokens?: number | null
  readonly cache_creation_input_tokens?: number | null
  readonly cache_read_input_tokens?: number | null
  /** The breakdown of `output_tokens`: `thinking_tokens` counts the extended-thinking part. */
  readonly output_tokens_details?: { readonly thinking_tokens?: number | null } | null
}

/** A content block of an Anthropic response. */
export type AnthropicResponseBlock =
  | { readonly type: 'text'; readonly text: string; readonly citations?: readonly unknown[] | null }
  | { readonly type: 'thinking'; readonly thinking: string; readonly signature?: string }
  | { readonly type: 'redacted_thinking'; readonly data: string }
  | { readonly type: 'tool_use'; readonly id: string; readonly name: string; readonly input: unknown }
  | { readonly type: string }

/** A whole Messages API response. */
export interface AnthropicMessage {
  readonly id?: string
  readonly model?: string
  readonly content: readonly AnthropicResponseBlock[]
  readonly stop_reason?: string | null
  readonly usage?: AnthropicUsage
}

/** One streamed event's payload (`data:`), discriminated by `type`. */
export interface AnthropicStreamEvent {
  readonly type: string
  readonly index?: number
  readonly message?: { readonly model?: string; readonly usage?: AnthropicUsage }
  // `| undefined` keeps the union whole: with exactOptionalPropertyTypes, reading the optional property otherwise
  // reduces it to the catch-all `{ type: string }`, and `'id' in block` no longer finds the tool_use member.
  readonly content_block?: AnthropicResponseBlock | undefined
  readonly delta?: {
    readonly type?: string
    readonly text?: string
    readonly thinking?: string
    /** A `signature_delta`'s signature of the thinking block. */
    readonly signature?: string
    readonly partial_json?: string
    /** A `citations_delta`'s citation of the text block. */
    readonly citation?: unknown
    readonly stop_reason?: string | null
  }
  readonly usage?: AnthropicUsage
  readonly error?: { readonly type?: string; readonly message?: string }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const isBlock = (value: unknown): boolean => isRecord(value) && typeof value.type === 'string'

/** Checks the shape of a Messages API response: an object whose `content` is a list of typed blocks. */
export function isAnthropicMessage(value: unknown): value is AnthropicMessage {
  return isRecord(value) && Array.isArray(value.content) && value.content.every(isBlock)
}

/** Checks the shape of a streamed event: an object with a string `type`. */
export function isAnthropicStreamEvent(value: unknown): value is AnthropicStreamEvent {
  return isRecord(value) && typeof value.type === 'string'
}
