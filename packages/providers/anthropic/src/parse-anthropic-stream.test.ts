import {
  APICallError,
  InvalidResponseDataError,
  RateLimitError,
  ServerError,
  type ServerSentEvent,
  StreamInterruptedError,
  type StreamPart,
} from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { parseAnthropicStream } from './parse-anthropic-stream.js'

async function* fromPayloads(payloads: readonly unknown[]): AsyncGenerator<ServerSentEvent> {
  for (const payload of payloads) yield { data: typeof payload === 'string' ? payload : JSON.stringify(payload) }
}

async function collect(payloads: readonly unknown[], isJSONTool = false): Promise<StreamPart[]> {
  const parts: StreamPart[] = []
  for await (const part of parseAnthropicStream(fromPayloads(payloads), { isJSONTool })) parts.push(part)
  return parts
}

describe('parseAnthropicStream', () => {
  it('streams thinking as reasoning deltas and assembles tool input', async () => {
    const parts = await collect([
      { type: 'message_start', message: { usage: { input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'abc' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 20, output_tokens_details: { thinking_tokens: 6 } } },
      { type: 'message_stop' },
    ])
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'Hmm.' },
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'anthropic', text: 'Hmm.', signature: 'abc' } },
      { type: 'tool-call', toolCall: { id: 'toolu_1', name: 'weather', args: { city: 'Paris' } } },
      {
        type: 'finish',
        finishReason: 'tool-calls',
        rawFinishReason: 'tool_use',
        usage: { promptTokens: 100, completionTokens: 20, totalTokens: 120, cachedPromptTokens: 90, reasoningTokens: 6 },
      },
    ])
  })

  it('throws the class an error event names: overloaded a retryable ServerError, rate limits a RateLimitError, others not retryable', async () => {
    const failure = (type: string) =>
      collect([
        { type: 'message_start', message: {} },
        { type: 'error', error: { type, message: 'no' } },
      ]).catch((error: unknown) => error)
    const overloaded = await failure('overloaded_error')
    expect(ServerError.isInstance(overloaded)).toBe(true)
    expect(overloaded).toMatchObject({ isRetryable: true, message: 'anthropic stream failed: overloaded_error: no' })
    expect(RateLimitError.isInstance(await failure('rate_limit_error'))).toBe(true)
    const other = await failure('invalid_request_error')
    expect((other as Error).constructor).toBe(APICallError)
    expect(other).toMatchObject({ isRetryable: false })
  })

  it('throws StreamInterruptedError without message_stop', async () => {
    await expect(collect([{ type: 'message_start', message: {} }])).rejects.toBeInstanceOf(StreamInterruptedError)
  })

  it('throws InvalidResponseDataError for a payload that is not JSON', async () => {
    await expect(collect(['not json'])).rejects.toBeInstanceOf(InvalidResponseDataError)
  })

  it('gives each thinking block as a reasoning part with its pieced-together signature, and redacted thinking as it starts', async () => {
    const parts = await collect([
      { type: 'message_start', message: { usage: { input_tokens: 10, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Two ' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'steps.' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'CgIY' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'EmwKAhgB' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'Done.' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } },
      { type: 'message_stop' },
    ])
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'reasoning-delta', delta: 'Two ' },
      { type: 'reasoning-delta', delta: 'steps.' },
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'anthropic', text: 'Two steps.', signature: 'EqQBCgIY' } },
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'anthropic', text: '', redactedData: 'EmwKAhgB' } },
      { type: 'text-delta', delta: 'Done.' },
    ])
  })
})
