import {
  APICallError,
  type FinishReason,
  type ParseStreamOptions,
  parseJSON,
  parseSSEStream,
  StreamInterruptedError,
  type StreamPart,
  type Usage,
} from '@dspex/provider'
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js'
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js'
import { isOpenAICompatibleWireChunk } from './openai-compatible-wire-schemas.js'
import { parseOpenAICompatibleToolCall } from './parse-openai-compatible-tool-call.js'
import { readOpenAICompatibleCitations } from './read-openai-compatible-citations.js'
import { readOpenAICompatibleContentPart } from './read-openai-compatible-content.js'
import { readOpenAICompatibleReasoning } from './read-openai-compatible-reasoning.js'
import { createReasoningTagSplitter, type ReasoningTagPiece } from './split-reasoning-tags.js'

interface PendingToolCall {
  id: string
  name: string
  arguments: string
}

/** Options of {@link parseOpenAICompatibleStream}: where the stream came from and where the server puts reasoning. */
export interface ParseOpenAICompatibleStreamOptions extends ParseStreamOptions {
  /** The message field holding reasoning; by default `reasoning_content`, then `reasoning`. */
  readonly reasoningField?: 'reasoning_content' | 'reasoning'
  /** The tag wrapping reasoning inside `content` (`'think'`); by default the content is all text. */
  readonly reasoningTag?: string
}

/**
 * Reads a Chat Completions SSE stream into stream parts: text and reasoning deltas as they arrive (typed
 * `content` parts too: `thinking` as reasoning, `text` as text; with `reasoningTag`, content inside the tags as
 * reasoning, tags split across chunks held back), each tool
 * call once its deltas are complete, then `finish` with the usage of the last chunk that had any (top-level
 * `usage`, or Groq's `x_groq.usage`) and the citations (`url_citation` annotations, Perplexity's sources). Only the
 * first choice is streamed.
 *
 * @throws StreamInterruptedError when the stream ends before a finish reason; APICallError on an error event.
 */
export async function* parseOpenAICompatibleStream(
  body: ReadableStream<Uint8Array>,
  options: ParseOpenAICompatibleStreamOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  const provider = options.provider ?? 'openai-compatible'
  const toolCalls = new Map<number, PendingToolCall>()
  let finishReason: FinishReason | undefined
  let rawFinishReason: string | undefined
  let usage: Usage | undefined
  const context = { provider, url: options.url, secrets: options.secrets }
  const splitter = options.reasoningTag === undefined ? undefined : createReasoningTagSplitter(options.reasoningTag)
  let fieldReasoningSent = false
  // The sources: Perplexity's top-level lists (the last chunk that had them), annotations from the deltas, the text.
  const sources: { citations?: unknown; search_results?: unknown } = {}
  const annotations: unknown[] = []
  let streamedText = ''
  let tagReasoningSent = false
  // Tagged reasoning comes after any reasoning field, on a new line, as `generate` joins them.
  function toParts(pieces: readonly ReasoningTagPiece[]): StreamPart[] {
    return pieces.map((piece): StreamPart => {
      if (piece.type === 'text') return { type: 'text-delta', delta: piece.delta }
      const separator = fieldReasoningSent && !tagReasoningSent ? '\n' : ''
      tagReasoningSent = true
      return { type: 'reasoning-delta', delta: separator + piece.delta }
    })
  }

  for await (const event of parseSSEStream(body, options)) {
    // Events already buffered are not yielded once the caller has aborted.
    options.signal?.throwIfAborted()
    const chunk = parseJSON(event.data, { ...options, validate: isOpenAICompatibleWireChunk })
    if (chunk.error) {
      throw new APICallError({
        ...context,
        message: `${provider} stream failed: ${chunk.error.message ?? 'unknown error'}`,
        responseBody: event.data,
        isRetryable: false,
      })
    }
    const reportedUsage = chunk.usage ?? chunk.x_groq?.usage
    if (Array.isArray(chunk.search_results) && chunk.search_results.length > 0) sources.search_results = chunk.search_results
    if (Array.isArray(chunk.citations) && chunk.citations.length > 0) sources.citations = chunk.citations
    if (reportedUsage) usage = convertOpenAICompatibleUsage(reportedUsage)
    for (const choice of chunk.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue
      const delta = choice.delta
      if (Array.isArray(delta?.annotations)) annotations.push(...delta.annotations)
      const reasoning = readOpenAICompatibleReasoning(delta, options.reasoningField)
      if (reasoning !== undefined) {
        fieldReasoningSent = true
        yield { type: 'reasoning-delta', delta: reasoning }
      }
      for (const piece of typeof delta?.content === 'string'
        ? [{ text: delta.content }]
        : (delta?.content ?? []).map(readOpenAICompatibleContentPart)) {
        if (piece.reasoning) {
          fieldReasoningSent = true
          yield { type: 'reasoning-delta', delta: piece.reasoning }
        }
        if (!piece.text) continue
        streamedText += piece.text
        if (splitter === undefined) yield { type: 'text-delta', delta: piece.text }
        else yield* toParts(splitter.push(piece.text))
      }
      for (const [position, call] of (delta?.tool_calls ?? []).entries()) {
        const index = call.index ?? position
        const pending = toolCalls.get(index)
        if (pending === undefined) {
          toolCalls.set(index, {
            id: call.id ?? `call_${index}`,
            name: call.function?.name ?? '',
            arguments: call.function?.arguments ?? '',
          })
        } else {
          if (call.function?.name) pending.name += call.function.name
          pending.arguments += call.function?.arguments ?? ''
        }
      }
      if (choice.finish_reason) {
        finishReason = mapOpenAICompatibleFinishReason(choice.finish_reason)
        rawFinishReason = choice.finish_reason
      }
    }
  }

  if (splitter !== undefined) yield* toParts(splitter.end())
  if (finishReason === undefined) {
    throw new StreamInterruptedError({ ...context, message: `${provider}'s stream ended without a finish reason.` })
  }
  for (const call of [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, value]) => value)) {
    yield { type: 'tool-call', toolCall: parseOpenAICompatibleToolCall(call, context) }
  }
  const citations = readOpenAICompatibleCitations(sources, { annotations }, streamedText)
  yield {
    type: 'finish',
    finishReason,
    ...(rawFinishReason === undefined ? {} : { rawFinishReason }),
    ...(usage === undefined ? {} : { usage }),
    ...(citations.length === 0 ? {} : { citations }),
  }
}
