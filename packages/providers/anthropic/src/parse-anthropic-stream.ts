import {
  APICallError,
  type Citation,
  type ParseStreamOptions,
  parseJSON,
  type ReasoningPart,
  type ServerSentEvent,
  StreamInterruptedError,
  type StreamPart,
} from '@dspex/provider'
import { createAnthropicErrorForType } from './anthropic-error.js'
import type { AnthropicUsage } from './anthropic-wire-schemas.js'
import { isAnthropicStreamEvent } from './anthropic-wire-schemas.js'
import { convertAnthropicCitation } from './convert-anthropic-citation.js'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js'
import { mapAnthropicUsage } from './map-anthropic-usage.js'

interface ToolCallInProgress {
  readonly id: string
  readonly name: string
  json: string
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function mergeUsage(start: AnthropicUsage, delta: AnthropicUsage | undefined): AnthropicUsage {
  if (delta === undefined) return start
  const defined = Object.entries(delta).filter(([, value]) => value !== null && value !== undefined)
  return { ...start, ...Object.fromEntries(defined) }
}

/**
 * Turns Anthropic's server-sent events into DSPex stream parts: `text_delta` gives text deltas,
 * `thinking_delta` reasoning deltas, a `thinking` block's stop one `reasoning-part` with the text and the
 * `signature_delta` signature (a `redacted_thinking` block gives one at its start), and a `tool_use` block's `input_json_delta` pieces are
 * assembled into one tool call at its `content_block_stop`. With `isJSONTool`, the forced `json`
 * tool's input is streamed as text instead. `message_stop` gives the finish part with the stop
 * reason, usage and the citations of the text blocks (`citations_delta`, each supporting its block's text).
 *
 * @param events - The parsed SSE events (from `parseSSEStream`).
 * @param options - Where the stream came from, and whether the `json` tool carries the answer.
 * @throws {APICallError} For an `error` event: a retryable `ServerError` for `overloaded_error` and `api_error`, a
 *   `RateLimitError` for `rate_limit_error`, a `BillingError` for `billing_error`.
 * @throws {StreamInterruptedError} When the stream ends before `message_stop`.
 * @throws {InvalidResponseDataError} When an event is not JSON or a tool input is not a JSON object.
 */
export async function* parseAnthropicStream(
  events: AsyncIterable<ServerSentEvent>,
  options: ParseStreamOptions & { readonly isJSONTool?: boolean } = {},
): AsyncGenerator<StreamPart, void, undefined> {
  const { isJSONTool = false, ...parseOptions } = options
  let calledCallerTool = false
  const provider = parseOptions.provider ?? 'anthropic'
  const toolCalls = new Map<number, ToolCallInProgress>()
  const thinking = new Map<number, { text: string; signature: string }>()
  // The text of each open text block (what its citations support), and the citations of those that have any.
  const citedBlocks = new Map<number, unknown[]>()
  const textSoFar = new Map<number, string>()
  const citations: Citation[] = []
  let usage: AnthropicUsage = {}
  let stopReason: string | null | undefined
  for await (const sse of events) {
    const event = parseJSON(sse.data, { ...parseOptions, validate: isAnthropicStreamEvent })
    switch (event.type) {
      case 'message_start':
        usage = mergeUsage(usage, event.message?.usage)
        break
      case 'content_block_start': {
        const block = event.content_block
        if (block?.type === 'tool_use' && 'id' in block) {
          toolCalls.set(event.index ?? 0, { id: block.id, name: block.name, json: '' })
        } else if (block?.type === 'text' && 'text' in block) {
          textSoFar.set(event.index ?? 0, block.text)
          if (block.citations?.length) citedBlocks.set(event.index ?? 0, [...block.citations])
          if (block.text !== '') yield { type: 'text-delta', delta: block.text }
        } else if (block?.type === 'thinking' && 'thinking' in block) {
          thinking.set(event.index ?? 0, { text: block.thinking, signature: block.signature ?? '' })
          if (block.thinking !== '') yield { type: 'reasoning-delta', delta: block.thinking }
        } else if (block?.type === 'redacted_thinking' && 'data' in block) {
          yield { type: 'reasoning-part', part: { type: 'reasoning', provider: 'anthropic', text: '', redactedData: block.data } }
        }
        break
      }
      case 'content_block_delta': {
        const delta = event.delta
        if (delta?.type === 'text_delta' && delta.text) {
          const index = event.index ?? 0
          textSoFar.set(index, (textSoFar.get(index) ?? '') + delta.text)
          yield { type: 'text-delta', delta: delta.text }
        } else if (delta?.type === 'citations_delta' && delta.citation !== undefined) {
          citedBlocks.set(event.index ?? 0, [...(citedBlocks.get(event.index ?? 0) ?? []), delta.citation])
        } else if (delta?.type === 'thinking_delta' && delta.thinking) {
          const block = thinking.get(event.index ?? 0)
          if (block !== undefined) block.text += delta.thinking
          yield { type: 'reasoning-delta', delta: delta.thinking }
        } else if (delta?.type === 'signature_delta' && delta.signature !== undefined) {
          const block = thinking.get(event.index ?? 0)
          if (block !== undefined) block.signature += delta.signature
        } else if (delta?.type === 'input_json_delta' && delta.partial_json !== undefined) {
          const call = toolCalls.get(event.index ?? 0)
          if (call !== undefined) call.json += delta.partial_json
          if (isJSONTool && call?.name === 'json' && delta.partial_json !== '') {
            yield { type: 'text-delta', delta: delta.partial_json }
          }
        }
        break
      }
      case 'content_block_stop': {
        const cited = citedBlocks.get(event.index ?? 0)
        if (cited !== undefined) {
          citedBlocks.delete(event.index ?? 0)
          const supported = textSoFar.get(event.index ?? 0) ?? ''
          for (const citation of cited) {
            const converted = convertAnthropicCitation(citation, supported)
            if (converted !== undefined) citations.push(converted)
          }
        }
        textSoFar.delete(event.index ?? 0)
        const block = thinking.get(event.index ?? 0)
        if (block !== undefined) {
          thinking.delete(event.index ?? 0)
          const part: ReasoningPart = {
            type: 'reasoning',
            provider: 'anthropic',
            text: block.text,
            ...(block.signature === '' ? {} : { signature: block.signature }),
          }
          yield { type: 'reasoning-part', part }
          break
        }
        const call = toolCalls.get(event.index ?? 0)
        if (call === undefined) break
        toolCalls.delete(event.index ?? 0)
        if (isJSONTool && call.name === 'json') break
        const input: unknown = call.json.trim() === '' ? {} : parseJSON(call.json, parseOptions)
        const args = isRecord(input) ? input : {}
        calledCallerTool = true
        yield { type: 'tool-call', toolCall: { id: call.id, name: call.name, args } }
        break
      }
      case 'message_delta':
        usage = mergeUsage(usage, event.usage)
        if (event.delta?.stop_reason !== undefined) stopReason = event.delta.stop_reason
        break
      case 'message_stop':
        yield {
          type: 'finish',
          finishReason: mapAnthropicStopReason(stopReason, isJSONTool && !calledCallerTool),
          ...(typeof stopReason === 'string' ? { rawFinishReason: stopReason } : {}),
          usage: mapAnthropicUsage(usage),
          ...(citations.length === 0 ? {} : { citations }),
        }
        return
      case 'error': {
        const type = event.error?.type ?? 'error'
        const options = {
          message: `${provider} stream failed: ${type}: ${event.error?.message ?? 'no message'}`,
          provider,
          responseBody: sse.data,
          data: event,
          ...(parseOptions.url === undefined ? {} : { url: parseOptions.url }),
          ...(parseOptions.secrets === undefined ? {} : { secrets: parseOptions.secrets }),
        }
        throw createAnthropicErrorForType(event.error, options) ?? new APICallError(options)
      }
      default:
        break
    }
  }
  throw new StreamInterruptedError({
    message: `${provider} stream ended before message_stop.`,
    provider,
    ...(parseOptions.url === undefined ? {} : { url: parseOptions.url }),
    ...(parseOptions.secrets === undefined ? {} : { secrets: parseOptions.secrets }),
  })
}
