import { type ParseStreamOptions, parseJSON, type ServerSentEvent, StreamInterruptedError, type StreamPart } from '@dspex/provider'
import { convertGoogleGroundingMetadata } from './convert-google-grounding-metadata.js'
import { createGoogleStatusError, readGoogleError } from './google-error.js'
import { createGoogleFunctionCallAssembler, type GoogleAssembledFunctionCall } from './google-function-call-assembler.js'
import { createGoogleReasoningCollector } from './google-reasoning-parts.js'
import { type GoogleGroundingMetadata, type GoogleUsageMetadata, isGoogleGenerateContentResponse } from './google-wire-schemas.js'
import { mapGoogleFinishReason } from './map-google-finish-reason.js'
import { mapGoogleUsage } from './map-google-usage.js'

/**
 * Turns Gemini's `streamGenerateContent?alt=sse` events into DSPex stream parts. Each event is a
 * whole `GenerateContentResponse` for the first candidate: text parts give text deltas, thought
 * parts reasoning deltas, and function calls tool calls with ids `call_0`, `call_1`... and their
 * `thoughtSignature`, each once it is complete (Gemini 3 streams a call's arguments in pieces, see
 * {@link createGoogleFunctionCallAssembler}; a call still open at the end is given before the finish part). A part carrying a `thoughtSignature` also gives a
 * `reasoning-part` with the thought text so far and that signature; unsigned thought text left at the end
 * gives one before the finish part. The chunk with a `finishReason`, or a `promptFeedback.blockReason`, ends
 * the stream with the finish part, the last usage and the citations of the last `groundingMetadata`.
 *
 * @param events - The parsed SSE events (from `parseSSEStream`).
 * @param options - Where the stream came from.
 * @throws {APICallError} For an `error` event, of the class its status names (`UNAVAILABLE` and `INTERNAL` a retryable
 *   `ServerError`, `RESOURCE_EXHAUSTED` a `RateLimitError`; see `createGoogleStatusError`).
 * @throws {StreamInterruptedError} When the stream ends before a finish reason.
 * @throws {InvalidResponseDataError} When an event is not JSON or not a response chunk.
 */
export async function* parseGoogleStream(
  events: AsyncIterable<ServerSentEvent>,
  options: ParseStreamOptions = {},
): AsyncGenerator<StreamPart, void, undefined> {
  const provider = options.provider ?? 'google'
  let usage: GoogleUsageMetadata | undefined
  let toolCallCount = 0
  let finishReason: string | undefined
  let grounding: GoogleGroundingMetadata | undefined
  const collector = createGoogleReasoningCollector()
  const functionCalls = createGoogleFunctionCallAssembler()
  const toolCallPart = ({ name, args, signature }: GoogleAssembledFunctionCall): StreamPart => {
    const id = `call_${toolCallCount}`
    toolCallCount += 1
    return { type: 'tool-call', toolCall: { id, name, args, ...(signature === undefined ? {} : { signature }) } }
  }
  for await (const sse of events) {
    if (sse.data.trim() === '') continue
    const chunk = parseJSON(sse.data, { ...options, validate: isGoogleGenerateContentResponse })
    const failure = readGoogleError(chunk)
    if (failure !== undefined) {
      throw createGoogleStatusError(failure, {
        message: `${provider} stream failed: ${failure.status ?? 'error'}: ${failure.message ?? 'no message'}`,
        provider,
        responseBody: sse.data,
        data: chunk,
        ...(failure.retryDelayMs === undefined ? {} : { retryAfterMs: failure.retryDelayMs }),
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      })
    }
    if (chunk.usageMetadata !== undefined) usage = chunk.usageMetadata
    const blockReason = chunk.promptFeedback?.blockReason
    const candidate = chunk.candidates?.find((entry) => (entry.index ?? 0) === 0)
    if (candidate?.groundingMetadata !== undefined) grounding = candidate.groundingMetadata
    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall !== undefined) {
        for (const call of functionCalls.add(part.functionCall, part.thoughtSignature)) yield toolCallPart(call)
      } else if (part.text !== undefined && part.text !== '') {
        yield part.thought === true ? { type: 'reasoning-delta', delta: part.text } : { type: 'text-delta', delta: part.text }
      }
      const closed = collector.add(part)
      if (closed !== undefined) yield { type: 'reasoning-part', part: closed }
    }
    finishReason = candidate?.finishReason ?? (candidate === undefined ? blockReason : undefined) ?? finishReason
  }
  if (finishReason === undefined) {
    throw new StreamInterruptedError({
      message: `${provider} stream ended before a finish reason.`,
      provider,
      ...(options.url === undefined ? {} : { url: options.url }),
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    })
  }
  const open = functionCalls.flush()
  if (open !== undefined) yield toolCallPart(open)
  const rest = collector.flush()
  if (rest !== undefined) yield { type: 'reasoning-part', part: rest }
  const citations = convertGoogleGroundingMetadata(grounding)
  yield {
    type: 'finish',
    finishReason: mapGoogleFinishReason(finishReason, toolCallCount > 0),
    rawFinishReason: finishReason,
    ...(usage === undefined ? {} : { usage: mapGoogleUsage(usage) }),
    ...(citations.length === 0 ? {} : { citations }),
  }
}
