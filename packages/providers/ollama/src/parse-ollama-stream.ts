import {
  APICallError,
  type FinishReason,
  type ParseStreamOptions,
  parseNDJSONStream,
  StreamInterruptedError,
  type StreamPart,
  type Usage,
} from '@dspex/provider'
import { convertOllamaToolCalls } from './convert-ollama-tool-calls.js'
import { convertOllamaUsage } from './convert-ollama-usage.js'
import { mapOllamaDoneReason } from './map-ollama-done-reason.js'
import { isOllamaWireChatResponse } from './ollama-wire-schemas.js'

/**
 * Reads an `/api/chat` NDJSON stream into stream parts as lines arrive: thinking as reasoning deltas, content
 * as text deltas, each tool call when its line arrives, then `finish` from the final `done: true` line with
 * its `done_reason` and token counts.
 *
 * @throws StreamInterruptedError when the stream ends before the `done` line or in the middle of a line;
 *   APICallError when a line carries `error`; InvalidResponseDataError when a line is not a chat chunk.
 */
export async function* parseOllamaStream(body: ReadableStream<Uint8Array>, options: ParseStreamOptions): AsyncGenerator<StreamPart, void, undefined> {
  const context = { url: options.url, secrets: options.secrets, provider: 'ollama' }
  let toolCallCount = 0
  let finish: { finishReason: FinishReason; rawFinishReason?: string; usage: Usage } | undefined
  let thinking = ''
  for await (const chunk of parseNDJSONStream(body, { ...options, validate: isOllamaWireChatResponse })) {
    // Lines already buffered are not yielded once the caller has aborted.
    options.signal?.throwIfAborted()
    if (chunk.error !== undefined) {
      throw new APICallError({
        ...context,
        message: `ollama stream failed: ${chunk.error}`,
        responseBody: JSON.stringify(chunk),
        isRetryable: false,
      })
    }
    const message = chunk.message
    if (message?.thinking) {
      thinking += message.thinking
      yield { type: 'reasoning-delta', delta: message.thinking }
    }
    if (message?.content) yield { type: 'text-delta', delta: message.content }
    for (const toolCall of convertOllamaToolCalls(message?.tool_calls ?? [], toolCallCount)) {
      toolCallCount += 1
      yield { type: 'tool-call', toolCall }
    }
    if (chunk.done === true) {
      finish = {
        finishReason: mapOllamaDoneReason(chunk.done_reason, toolCallCount > 0),
        ...(chunk.done_reason === undefined ? {} : { rawFinishReason: chunk.done_reason }),
        usage: convertOllamaUsage(chunk),
      }
      break
    }
  }
  if (finish === undefined) {
    throw new StreamInterruptedError({ ...context, message: "ollama's stream ended before its final `done` line." })
  }
  if (thinking !== '') yield { type: 'reasoning-part', part: { type: 'reasoning', provider: 'ollama', text: thinking } }
  yield { type: 'finish', ...finish }
}
