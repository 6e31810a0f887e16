/** A text part of a message. */
export interface TextPart {
  readonly type: 'text'
  readonly text: string
}

/** An image, by URL (`https:`, `gs:`) or data URI. */
export interface ImagePart {
  readonly type: 'image'
  readonly url: string
  /** The media type when known (`image/png`). */
  readonly mediaType?: string
}

/** Audio, base64-encoded, with its format (`wav`, `mp3`). */
export interface AudioPart {
  readonly type: 'audio'
  readonly data: string
  readonly format: string
}

/** A file, inline (base64 data URI) or by a provider file id. */
export interface FilePart {
  readonly type: 'file'
  readonly data?: string
  readonly fileId?: string
  readonly filename?: string
  readonly mediaType?: string
}

/** A document the model may cite (Anthropic-style citations). */
export interface DocumentPart {
  readonly type: 'document'
  readonly data: string
  readonly mediaType: string
  readonly title?: string
  readonly context?: string
  readonly citations?: boolean
}

/** Any part of a user message. */
export type ContentPart = TextPart | ImagePart | AudioPart | FilePart | DocumentPart

/** A tool call the model made, with its arguments as a JSON object. */
export interface ToolCallPart {
  readonly id: string
  readonly name: string
  readonly args: Readonly<Record<string, unknown>>
  /** The provider's signature over the reasoning that led to this call (Gemini's `thoughtSignature`); send it back unchanged. */
  readonly signature?: string
}

/**
 * Reasoning the model produced, kept so it can be sent back in later turns: Anthropic needs its
 * `thinking` blocks (with their signatures) before tool results, Gemini its thought signatures.
 */
export interface ReasoningPart {
  readonly type: 'reasoning'
  /** The reasoning text (empty for redacted reasoning). */
  readonly text: string
  /**
   * The provider's signature proving the reasoning is unaltered (Anthropic's `signature`); for OpenAI's Responses
   * API it holds the reasoning item's id (`rs_...`).
   */
  readonly signature?: string
  /** Reasoning the provider keeps encrypted (Anthropic's `redacted_thinking` data, OpenAI's `encrypted_content`). */
  readonly redactedData?: string
  /** The provider that produced it (`anthropic`, `google`): a provider sends back only its own reasoning. */
  readonly provider?: string
}

/** Instructions for the model. */
export interface SystemMessage {
  readonly role: 'system'
  readonly content: string
}

/** What the user says: plain text, or parts for multimodal input. */
export interface UserMessage {
  readonly role: 'user'
  readonly content: string | readonly ContentPart[]
}

/** What the model said: text (or `null`), any tool calls, and the reasoning to send back with them. */
export interface AssistantMessage {
  readonly role: 'assistant'
  readonly content: string | null
  readonly toolCalls?: readonly ToolCallPart[] | undefined
  /** The reasoning parts of the model's reply, in order, as the provider returned them. */
  readonly reasoning?: readonly ReasoningPart[] | undefined
}

/** The result of one tool call, sent back to the model. */
export interface ToolMessage {
  readonly role: 'tool'
  readonly toolCallId: string
  readonly name?: string
  readonly content: string
  readonly isError?: boolean
}

/** A provider-neutral chat message. Single-text messages keep a plain string `content`, as DSPy's do. */
export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage
