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

const created = 1_700_000_000
const field = (json: unknown, name: string): unknown =>
  typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined

const usageOf = (reply: FakeReply) => {
  const usage = fakeUsage(reply)
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  }
}

const toolCallsOf = (reply: FakeReply) =>
  reply.toolCalls?.map((call, index) => ({
    id: fakeToolCallId(call, index),
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }))

const finishOf = (reply: FakeReply): string => (reply.toolCalls?.length ? 'tool_calls' : 'stop')

/** OpenAI Chat Completions: `POST /chat/completions`, JSON or SSE chunks ending with usage and `data: [DONE]`. */
export const openAIProtocol: FakeProtocol = {
  name: 'openai',
  isStream: (_path, json) => field(json, 'stream') === true,
  modelOf: (_path, json) => String(field(json, 'model') ?? 'gpt-4o-mini'),
  json: (reply, model) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.text ?? null, tool_calls: toolCallsOf(reply), refusal: null },
        logprobs: null,
        finish_reason: finishOf(reply),
      },
    ],
    usage: usageOf(reply),
    system_fingerprint: 'fp_fake',
  }),
  streamContentType: 'text/event-stream',
  streamEvents: (reply, model) => {
    const chunk = (choices: unknown[], usage: unknown = null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model, choices, usage })}\n\n`
    const events = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])]
    for (const piece of splitFakeText(reply.text ?? '')) {
      events.push(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]))
    }
    reply.toolCalls?.forEach((call, index) => {
      const toolCall = { index, id: fakeToolCallId(call, index), type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }
      events.push(chunk([{ index: 0, delta: { tool_calls: [toolCall] }, finish_reason: null }]))
    })
    events.push(chunk([{ index: 0, delta: {}, finish_reason: finishOf(reply) }]))
    events.push(chunk([], usageOf(reply)))
    events.push('data: [DONE]\n\n')
    return events
  },
  malformedEvent: 'data: {"id": "chatcmpl-fake", "choices": [\n\n',
  errorBody: (status, message) => ({
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null },
  }),
}

/**
 * Starts a fake OpenAI Chat Completions server on 127.0.0.1 (use its `url` as the `baseURL`).
 *
 * @example
 * ```ts
 * const server = await startFakeOpenAIServer({ reply: () => 'Paris', faults: [{ status: 429, retryAfterSeconds: 1 }] })
 * const openai = createOpenAI({ baseURL: server.url, apiKey: 'test' })
 * ```
 */
export function startFakeOpenAIServer(options?: StartFakeServerOptions): Promise<FakeProviderServer> {
  return startFakeServer(openAIProtocol, options)
}
