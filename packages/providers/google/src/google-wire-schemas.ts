/** Token counts as Gemini reports them (`usageMetadata`). */
export interface GoogleUsageMetadata {
  readonly promptTokenCount?: number
  readonly candidatesTokenCount?: number
  readonly cachedContentTokenCount?: number
  readonly thoughtsTokenCount?: number
  readonly totalTokenCount?: number
}

/** One part of a Gemini response's content. */
export interface GoogleResponsePart {
  readonly text?: string
  /** True when the text is a thought summary rather than the answer. */
  readonly thought?: boolean
  readonly thoughtSignature?: string
  readonly functionCall?: GoogleFunctionCall
}

/** One piece of a streamed call's arguments: the value at `jsonPath` (`$.location`), or a piece of it for a string. */
export interface GooglePartialArg {
  readonly jsonPath?: string
  readonly stringValue?: string
  readonly numberValue?: number
  readonly boolValue?: boolean
  readonly nullValue?: unknown
  /** True while more pieces of this value follow. */
  readonly willContinue?: boolean
}

/**
 * A function call part: whole (`name` and `args`), or, when arguments are streamed, a piece of one: the opening part
 * carries the `name`, later ones `partialArgs`, and `willContinue` is true until the call's last part.
 */
export interface GoogleFunctionCall {
  readonly name?: string
  readonly args?: unknown
  readonly partialArgs?: readonly GooglePartialArg[]
  readonly willContinue?: boolean
}

/** Where a grounded answer came from: the sources (`groundingChunks`) and which segment each supports. */
export interface GoogleGroundingMetadata {
  readonly groundingChunks?: readonly {
    readonly web?: { readonly uri?: string; readonly title?: string }
    readonly retrievedContext?: { readonly uri?: string; readonly title?: string }
  }[]
  readonly groundingSupports?: readonly {
    readonly segment?: { readonly startIndex?: number; readonly endIndex?: number; readonly text?: string; readonly partIndex?: number }
    readonly groundingChunkIndices?: readonly number[]
  }[]
  readonly webSearchQueries?: readonly string[]
}

/** One candidate completion of a Gemini response. */
export interface GoogleCandidate {
  readonly content?: { readonly role?: string; readonly parts?: readonly GoogleResponsePart[] }
  readonly finishReason?: string
  readonly index?: number
  readonly groundingMetadata?: GoogleGroundingMetadata
}

/** A whole `generateContent` response, and each streamed `streamGenerateContent` chunk. */
export interface GoogleGenerateContentResponse {
  readonly candidates?: readonly GoogleCandidate[]
  readonly promptFeedback?: { readonly blockReason?: string }
  readonly usageMetadata?: GoogleUsageMetadata
  readonly modelVersion?: string
  readonly responseId?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function isPart(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (value.text !== undefined && typeof value.text !== 'string') return false
  if (value.functionCall !== undefined) {
    const call = value.functionCall
    if (!isRecord(call) || (call.name !== undefined && typeof call.name !== 'string')) return false
    if (call.partialArgs !== undefined && !(Array.isArray(call.partialArgs) && call.partialArgs.every(isRecord))) return false
  }
  return true
}

function isGroundingMetadata(value: unknown): boolean {
  if (!isRecord(value)) return false
  const { groundingChunks, groundingSupports } = value
  if (groundingChunks !== undefined && !(Array.isArray(groundingChunks) && groundingChunks.every(isRecord))) return false
  if (groundingSupports === undefined) return true
  return (
    Array.isArray(groundingSupports) &&
    groundingSupports.every(
      (support) =>
        isRecord(support) &&
        (support.groundingChunkIndices === undefined ||
          (Array.isArray(support.groundingChunkIndices) && support.groundingChunkIndices.every(Number.isInteger))),
    )
  )
}

function isCandidate(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (value.finishReason !== undefined && typeof value.finishReason !== 'string') return false
  if (value.groundingMetadata !== undefined && !isGroundingMetadata(value.groundingMetadata)) return false
  if (value.content === undefined) return true
  if (!isRecord(value.content)) return false
  const parts = value.content.parts
  return parts === undefined || (Array.isArray(parts) && parts.every(isPart))
}

/** Checks that a value has the shape of a Gemini `GenerateContentResponse` (whole or streamed chunk). */
export function isGoogleGenerateContentResponse(value: unknown): value is GoogleGenerateContentResponse {
  if (!isRecord(value)) return false
  const { candidates, usageMetadata, promptFeedback } = value
  if (candidates !== undefined && !(Array.isArray(candidates) && candidates.every(isCandidate))) return false
  if (usageMetadata !== undefined && !isRecord(usageMetadata)) return false
  if (promptFeedback !== undefined && !isRecord(promptFeedback)) return false
  return true
}

/** One vector of an embedding reply (`ContentEmbedding`). */
export interface GoogleContentEmbedding {
  readonly values: readonly number[]
}

/** The `models/{id}:embedContent` reply: `{ embedding: { values } }`. */
export interface GoogleEmbedContentResponse {
  readonly embedding: GoogleContentEmbedding
}

/** The `models/{id}:batchEmbedContents` reply: `{ embeddings: [{ values }] }`, in request order. */
export interface GoogleBatchEmbedContentsResponse {
  readonly embeddings: readonly GoogleContentEmbedding[]
}

const isContentEmbedding = (value: unknown): value is GoogleContentEmbedding =>
  isRecord(value) && Array.isArray(value.values) && value.values.every((item) => typeof item === 'number')

/** Checks that a value has the shape of an `embedContent` reply. */
export function isGoogleEmbedContentResponse(value: unknown): value is GoogleEmbedContentResponse {
  return isRecord(value) && isContentEmbedding(value.embedding)
}

/** Checks that a value has the shape of a `batchEmbedContents` reply. */
export function isGoogleBatchEmbedContentsResponse(value: unknown): value is GoogleBatchEmbedContentsResponse {
  return isRecord(value) && Array.isArray(value.embeddings) && value.embeddings.every(isContentEmbedding)
}
