import {
  APICallError,
  type FinishReason,
  type ParseStreamOptions,
  parseJson,
  parseSseStream,
  StreamInterruptedError,
  type StreamPart,
  type Usage,
} from '@dspex/provider'
import { convertOpenAIUsage } from './convert-openai-usage.js'
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js'
import { isOpenAIWireChunk } from './openai-wire-schemas.js'
import { parseOpenAIToolCall } from './parse-openai-tool-call.js'

interface PendingToolCall {
  id: string
  name: string
  arguments: string
}

/**
 * Reads a Chat Completions SSE stream into stream parts: text and reasoning deltas as they arrive, each tool
 * call once its deltas are complete, then `finish` with the usage of the final chunk. Only the first choice
 * is streamed.
 *
 * @throws StreamInterruptedError when the stream ends before a finish reason; APICallError on an error event.
 */
export async function* parseOpenAIStream(
  body: ReadableStream<Uint8Array>,
  options: ParseStreamOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  const toolCalls = new Map<number, PendingToolCall>()
  let finishReason: FinishReason | undefined
  let usage: Usage | undefined
  const context = { url: options.url, secrets: options.secrets }

  for await (const event of parseSseStream(body, options)) {
    // Events already buffered are not yielded once the caller has aborted.
    options.signal?.throwIfAborted()
    const chunk = parseJson(event.data, { ...options, validate: isOpenAIWireChunk })
    if (chunk.error) {
      throw new APICallError({
        ...context,
        provider: 'openai',
        message: `openai stream failed: ${chunk.error.message ?? 'unknown error'}`,
        responseBody: event.data,
        isRetryable: false,
      })
    }
    if (chunk.usage) usage = convertOpenAIUsage(chunk.usage)
    for (const choice of chunk.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue
      const delta = choice.delta
      if (delta?.reasoning_content) yield { type: 'reasoning-delta', delta: delta.reasoning_content }
      if (delta?.content) yield { type: 'text-delta', delta: delta.content }
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
      if (choice.finish_reason) finishReason = mapOpenAIFinishReason(choice.finish_reason)
    }
  }

  if (finishReason === undefined) {
    throw new StreamInterruptedError({
      ...context,
      provider: 'openai',
      message: "openai's stream ended without a finish reason.",
    })
  }
  for (const call of [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, value]) => value)) {
    yield { type: 'tool-call', toolCall: parseOpenAIToolCall(call, context) }
  }
  yield { type: 'finish', finishReason, ...(usage === undefined ? {} : { usage }) }
}
