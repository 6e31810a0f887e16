// Hand-written guards for the Responses API wire format (TypeBox is not a dependency here).
// They check only what we read, so new item and event types pass and are ignored.

/** The token counts of a response. */
export interface OpenAIResponsesWireUsage {
  readonly input_tokens: number
  readonly output_tokens: number
  readonly total_tokens?: number
  readonly input_tokens_details?: { readonly cached_tokens?: number } | null
  readonly output_tokens_details?: { readonly reasoning_tokens?: number } | null
}

/** One content part of an output message: `output_text` or `refusal` (other types are skipped). */
export interface OpenAIResponsesWireContent {
  readonly type: string
  readonly text?: string
  readonly refusal?: string
  /** An `output_text` part's annotations: `url_citation` (web search), `file_citation`... */
  readonly annotations?: readonly unknown[]
}

/** One item of a response's `output`: `message`, `reasoning` or `function_call` (other types are skipped). */
export interface OpenAIResponsesWireOutputItem {
  readonly type: string
  readonly id?: string
  readonly content?: readonly OpenAIResponsesWireContent[]
  readonly summary?: readonly { readonly type?: string; readonly text: string }[]
  /** A reasoning item's encrypted reasoning, present when `include` asked for `reasoning.encrypted_content`. */
  readonly encrypted_content?: string | null
  readonly call_id?: string
  readonly name?: string
  readonly arguments?: string
}

/** A whole response object (`POST /responses`, and inside `response.completed` events). */
export interface OpenAIResponsesWireResponse {
  readonly id?: string
  readonly model?: string
  /** `completed`, `incomplete`, `failed`, `in_progress`, `cancelled` or `queued`. */
  readonly status?: string
  readonly error?: { readonly code?: string | null; readonly message?: string } | null
  readonly incomplete_details?: { readonly reason?: string } | null
  readonly output: readonly OpenAIResponsesWireOutputItem[]
  readonly usage?: OpenAIResponsesWireUsage | null
}

/** One streamed event; `type` names it (`response.output_text.delta`, `response.completed`, `error`...). */
export interface OpenAIResponsesWireEvent {
  readonly type: string
  readonly delta?: string
  readonly output_index?: number
  readonly item_id?: string
  readonly arguments?: string
  readonly item?: OpenAIResponsesWireOutputItem
  readonly response?: OpenAIResponsesWireResponse
  readonly code?: string | null
  readonly message?: string
  /** A `response.output_text.annotation.added` event's annotation. */
  readonly annotation?: unknown
}

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)
const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || value === null || check(value)
const isString = (value: unknown): boolean => typeof value === 'string'
const isNumber = (value: unknown): boolean => typeof value === 'number'
const isArrayOf = (value: unknown, check: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(check)

function isUsage(value: unknown): boolean {
  return (
    isRecord(value) &&
    isNumber(value.input_tokens) &&
    isNumber(value.output_tokens) &&
    isOptional(value.total_tokens, isNumber) &&
    isOptional(value.input_tokens_details, (details) => isRecord(details) && isOptional(details.cached_tokens, isNumber)) &&
    isOptional(value.output_tokens_details, (details) => isRecord(details) && isOptional(details.reasoning_tokens, isNumber))
  )
}

const isContent = (value: unknown): boolean =>
  isRecord(value) &&
  isString(value.type) &&
  isOptional(value.text, isString) &&
  isOptional(value.refusal, isString) &&
  isOptional(value.annotations, Array.isArray)

function isOutputItem(value: unknown): boolean {
  if (!isRecord(value) || !isString(value.type)) return false
  switch (value.type) {
    case 'message':
      return isArrayOf(value.content, isContent)
    case 'reasoning':
      return (
        isOptional(value.summary, (summary) => isArrayOf(summary, (part) => isRecord(part) && isString(part.text))) &&
        isOptional(value.encrypted_content, isString) &&
        isOptional(value.id, isString)
      )
    case 'function_call':
      return isString(value.call_id) && isString(value.name) && isOptional(value.arguments, isString)
    default:
      return true
  }
}

/** Checks a whole response object. */
export function isOpenAIResponsesWireResponse(value: unknown): value is OpenAIResponsesWireResponse {
  return (
    isRecord(value) &&
    isArrayOf(value.output, isOutputItem) &&
    isOptional(value.usage, isUsage) &&
    isOptional(value.model, isString) &&
    isOptional(value.status, isString) &&
    isOptional(value.error, (error) => isRecord(error) && isOptional(error.message, isString)) &&
    isOptional(value.incomplete_details, (details) => isRecord(details) && isOptional(details.reason, isString))
  )
}

/** Checks one streamed event: its type, and the fields we read for the types we handle. */
export function isOpenAIResponsesWireEvent(value: unknown): value is OpenAIResponsesWireEvent {
  if (!isRecord(value) || !isString(value.type)) return false
  return (
    isOptional(value.delta, isString) &&
    isOptional(value.output_index, isNumber) &&
    isOptional(value.arguments, isString) &&
    isOptional(value.message, isString) &&
    isOptional(value.item, isOutputItem) &&
    isOptional(value.response, isOpenAIResponsesWireResponse)
  )
}
