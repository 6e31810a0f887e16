import {
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  fakeToolCallId,
  fakeUsage,
  type StartFakeServerOptions,
  splitFakeText,
  startFakeServer,
} from './start-fake-server.js'

const field = (json: unknown, name: string): unknown =>
  typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined

const stopOf = (reply: FakeReply): string => (reply.toolCalls?.length ? 'tool_use' : 'end_turn')

const event = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`

/** Anthropic Messages: `POST /messages`, JSON or SSE with `event:` lines (message_start ... message_stop). */
export const anthropicProtocol: FakeProtocol = {
  name: 'anthropic',
  isStream: (_path, json) => field(json, 'stream') === true,
  modelOf: (_path, json) => String(field(json, 'model') ?? 'claude-sonnet-4-5'),
  json: (reply, model) => {
    const usage = fakeUsage(reply)
    const content: unknown[] = []
    if (reply.text !== undefined) content.push({ type: 'text', text: reply.text })
    reply.toolCalls?.forEach((call, index) => {
      content.push({ type: 'tool_use', id: fakeToolCallId(call, index), name: call.name, input: call.arguments })
    })
    return {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model,
      content,
      stop_reason: stopOf(reply),
      stop_sequence: null,
      usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens },
    }
  },
  streamContentType: 'text/event-stream',
  streamEvents: (reply, model) => {
    const usage = fakeUsage(reply)
    const message = { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null }
    const events = [event('message_start', { message: { ...message, usage: { input_tokens: usage.inputTokens, output_tokens: 1 } } })]
    let index = 0
    if (reply.text !== undefined) {
      events.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }))
      for (const piece of splitFakeText(reply.text)) {
        events.push(event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }))
      }
      events.push(event('content_block_stop', { index }))
      index += 1
    }
    reply.toolCalls?.forEach((call, callIndex) => {
      const block = { type: 'tool_use', id: fakeToolCallId(call, callIndex), name: call.name, input: {} }
      events.push(event('content_block_start', { index, content_block: block }))
      events.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(call.arguments) } }))
      events.push(event('content_block_stop', { index }))
      index += 1
    })
    events.push(event('message_delta', { delta: { stop_reason: stopOf(reply), stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }))
    events.push(event('message_stop', {}))
    return events
  },
  malformedEvent: 'event: message_start\ndata: {"type": "message_start", "message": {\n\n',
  errorBody: (status, message) => ({
    type: 'error',
    error: { type: status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error', message },
  }),
}

/**
 * Starts a fake Anthropic Messages server on 127.0.0.1 (use its `url` as the `baseURL`).
 *
 * @example
 * ```ts
 * const server = await startFakeAnthropicServer({ faults: [{ status: 500 }] })
 * const anthropic = createAnthropic({ baseURL: server.url, apiKey: 'test' })
 * ```
 */
export function startFakeAnthropicServer(options?: StartFakeServerOptions): Promise<FakeProviderServer> {
  return startFakeServer(anthropicProtocol, options)
}
