import { parseOpenAICompatibleToolCall } from '@dspex/openai-compatible/internal'
import {
  APICallError,
  type ParseStreamOptions,
  parseJSON,
  parseSSEStream,
  StreamInterruptedError,
  type StreamPart,
  type URLCitation,
} from '@dspex/provider'
import { convertOpenAIResponsesReasoningItem } from './convert-openai-responses-reasoning.js'
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js'
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js'
import { isOpenAIResponsesWireEvent } from './openai-responses-wire-schemas.js'
import { convertOpenAIResponsesAnnotation, readOpenAIResponsesCitations } from './read-openai-responses-citations.js'

interface PendingFunctionCall {
  callId: string
  name: string
  arguments: string
}

/**
 * Reads a Responses API SSE stream into stream parts: `response.output_text.delta` and
 * `response.reasoning_summary_text.delta` as deltas, each reasoning item (as a `reasoning-part`) and each function
 * call once its item is done, then `finish`
 * with the usage and status of `response.completed` or `response.incomplete` and the `url_citation` annotations
 * of its output.
 *
 * @throws APICallError on `response.failed` or an `error` event; StreamInterruptedError when the stream ends
 * before a final event.
 */
export async function* parseOpenAIResponsesStream(
  body: ReadableStream<Uint8Array>,
  options: ParseStreamOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  const context = { provider: 'openai', url: options.url, secrets: options.secrets }
  const pending = new Map<number, PendingFunctionCall>()
  let toolCallCount = 0
  let refused = false
  // Citations from annotation events, used when the final response does not repeat its output.
  const annotated: URLCitation[] = []

  for await (const event of parseSSEStream(body, options)) {
    options.signal?.throwIfAborted()
    const data = parseJSON(event.data, { ...options, validate: isOpenAIResponsesWireEvent })
    const index = data.output_index ?? 0
    switch (data.type) {
      case 'response.output_text.delta':
        if (data.delta) yield { type: 'text-delta', delta: data.delta }
        break
      case 'response.reasoning_summary_text.delta':
        if (data.delta) yield { type: 'reasoning-delta', delta: data.delta }
        break
      case 'response.output_text.annotation.added': {
        const citation = convertOpenAIResponsesAnnotation(data.annotation, '', 0)
        if (citation !== undefined)
          annotated.push({ type: 'url', url: citation.url, ...(citation.title === undefined ? {} : { title: citation.title }) })
        break
      }
      case 'response.refusal.delta':
        refused = true
        break
      case 'response.output_item.added':
        if (data.item?.type === 'function_call') {
          pending.set(index, { callId: data.item.call_id ?? `call_${index}`, name: data.item.name ?? '', arguments: data.item.arguments ?? '' })
        }
        break
      case 'response.function_call_arguments.delta': {
        const call = pending.get(index)
        if (call) call.arguments += data.delta ?? ''
        break
      }
      case 'response.function_call_arguments.done': {
        const call = pending.get(index)
        if (call && data.arguments !== undefined) call.arguments = data.arguments
        break
      }
      case 'response.output_item.done': {
        if (data.item?.type === 'reasoning') {
          yield { type: 'reasoning-part', part: convertOpenAIResponsesReasoningItem(data.item) }
          break
        }
        if (data.item?.type !== 'function_call') break
        const call = pending.get(index)
        pending.delete(index)
        toolCallCount += 1
        const item = data.item
        yield {
          type: 'tool-call',
          toolCall: parseOpenAICompatibleToolCall(
            {
              id: item.call_id ?? call?.callId ?? `call_${index}`,
              name: item.name ?? call?.name ?? '',
              arguments: item.arguments ?? call?.arguments ?? '',
            },
            context,
          ),
        }
        break
      }
      case 'response.completed':
      case 'response.incomplete': {
        const response = data.response
        const status = response?.status ?? data.type.slice('response.'.length)
        const incompleteReason = response?.incomplete_details?.reason
        const finishReason = refused ? 'refusal' : mapOpenAIResponsesFinishReason(status, incompleteReason, toolCallCount > 0)
        const usage = response?.usage ? convertOpenAIResponsesUsage(response.usage) : undefined
        const fromResponse = readOpenAIResponsesCitations(response?.output ?? [])
        const citations = fromResponse.length > 0 ? fromResponse : annotated
        yield {
          type: 'finish',
          finishReason,
          rawFinishReason: incompleteReason ?? status,
          ...(usage === undefined ? {} : { usage }),
          ...(citations.length === 0 ? {} : { citations }),
        }
        return
      }
      case 'response.failed':
        throw new APICallError({
          ...context,
          message: `openai response failed: ${data.response?.error?.message ?? 'unknown error'}`,
          responseBody: event.data,
          isRetryable: false,
          ...(data.response?.error ? { data: data.response.error } : {}),
        })
      case 'error':
        throw new APICallError({
          ...context,
          message: `openai stream failed: ${data.message ?? 'unknown error'}`,
          responseBody: event.data,
          isRetryable: false,
        })
    }
  }
  throw new StreamInterruptedError({ ...context, message: "openai's response stream ended without response.completed." })
}
