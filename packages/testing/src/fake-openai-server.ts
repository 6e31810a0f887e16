import { fakeEmbedding } from './fake-embedding.js'
import {
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  type FakeRequest,
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

const isResponsesPath = (path: string): boolean => /\/responses(?:\?|$)/.test(path)
const isEmbeddingsPath = (path: string): boolean => /\/embeddings(?:\?|$)/.test(path)

const includesEncryptedReasoning = (request: FakeRequest): boolean => {
  const include = field(request.json, 'include')
  return Array.isArray(include) && include.includes('reasoning.encrypted_content')
}

/** A reply's reasoning as a `reasoning` output item, with `encrypted_content` only when the request asked for it. */
const reasoningItemOf = (reasoning: string, request: FakeRequest) => ({
  type: 'reasoning',
  id: 'rs_fake',
  summary: [{ type: 'summary_text', text: reasoning }],
  ...(includesEncryptedReasoning(request) ? { encrypted_content: `enc_fake_${Buffer.from(reasoning).toString('base64')}` } : {}),
})

/** The Responses API's `output` items for a reply: its reasoning, its function calls, then its message. */
const responsesOutputOf = (reply: FakeReply, request: FakeRequest) => [
  ...(reply.reasoning === undefined ? [] : [reasoningItemOf(reply.reasoning, request)]),
  ...(reply.toolCalls ?? []).map((call, index) => ({
    type: 'function_call',
    id: `fc_fake_${index}`,
    call_id: fakeToolCallId(call, index),
    name: call.name,
    arguments: JSON.stringify(call.arguments),
    status: 'completed',
  })),
  ...(reply.text === undefined
    ? []
    : [
        {
          type: 'message',
          id: 'msg_fake',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: reply.text, annotations: [] }],
        },
      ]),
]

/** A whole Responses API response object, shaped like OpenAI's documented `POST /responses` reply. */
const responseOf = (reply: FakeReply, model: string, request: FakeRequest, status: 'completed' | 'in_progress') => {
  const usage = fakeUsage(reply)
  return {
    id: 'resp_fake',
    object: 'response',
    created_at: created,
    status,
    error: null,
    incomplete_details: null,
    instructions: field(request.json, 'instructions') ?? null,
    max_output_tokens: field(request.json, 'max_output_tokens') ?? null,
    model,
    output: status === 'completed' ? responsesOutputOf(reply, request) : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: field(request.json, 'store') ?? true,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage:
      status === 'completed'
        ? {
            input_tokens: usage.inputTokens,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: usage.outputTokens,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: usage.inputTokens + usage.outputTokens,
          }
        : null,
    user: null,
    metadata: {},
  }
}

/** The Responses API's typed SSE events for a reply, each framed as `event: TYPE` and `data: JSON`. */
function responsesEventsOf(reply: FakeReply, model: string, request: FakeRequest): string[] {
  let sequence = 0
  const event = (type: string, fields: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`
  const events = [
    event('response.created', { response: responseOf(reply, model, request, 'in_progress') }),
    event('response.in_progress', { response: responseOf(reply, model, request, 'in_progress') }),
  ]
  responsesOutputOf(reply, request).forEach((item, outputIndex) => {
    if (item.type === 'reasoning' && 'summary' in item) {
      const text = reply.reasoning ?? ''
      const part = { type: 'summary_text', text: '' }
      const at = { item_id: item.id, output_index: outputIndex, summary_index: 0 }
      events.push(event('response.output_item.added', { output_index: outputIndex, item: { type: 'reasoning', id: item.id, summary: [] } }))
      events.push(event('response.reasoning_summary_part.added', { ...at, part }))
      for (const piece of splitFakeText(text)) events.push(event('response.reasoning_summary_text.delta', { ...at, delta: piece }))
      events.push(event('response.reasoning_summary_text.done', { ...at, text }))
      events.push(event('response.reasoning_summary_part.done', { ...at, part: { ...part, text } }))
      events.push(event('response.output_item.done', { output_index: outputIndex, item }))
      return
    }
    if (item.type === 'function_call' && 'arguments' in item) {
      events.push(event('response.output_item.added', { output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } }))
      events.push(event('response.function_call_arguments.delta', { item_id: item.id, output_index: outputIndex, delta: item.arguments }))
      events.push(event('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, arguments: item.arguments }))
      events.push(event('response.output_item.done', { output_index: outputIndex, item }))
      return
    }
    const text = reply.text ?? ''
    const part = { type: 'output_text', text: '', annotations: [] }
    const at = { item_id: 'msg_fake', output_index: outputIndex, content_index: 0 }
    events.push(event('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } }))
    events.push(event('response.content_part.added', { ...at, part }))
    for (const piece of splitFakeText(text)) events.push(event('response.output_text.delta', { ...at, delta: piece }))
    events.push(event('response.output_text.done', { ...at, text }))
    events.push(event('response.content_part.done', { ...at, part: { ...part, text } }))
    events.push(event('response.output_item.done', { output_index: outputIndex, item }))
  })
  events.push(event('response.completed', { response: responseOf(reply, model, request, 'completed') }))
  return events
}

/** An `/embeddings` reply: one `fakeEmbedding` per input (of `dimensions` numbers, default 8), in order. */
function embeddingsOf(model: string, request: FakeRequest) {
  const input = field(request.json, 'input')
  const values = Array.isArray(input) ? input.map(String) : [String(input ?? '')]
  const requested = field(request.json, 'dimensions')
  const dimensions = typeof requested === 'number' ? requested : 8
  const tokens = values.reduce((total, value) => total + value.split(/\s+/).filter(Boolean).length, 0)
  return {
    object: 'list',
    data: values.map((value, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(value, dimensions) })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  }
}

const chatCompletionOf = (reply: FakeReply, model: string) => ({
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
})

function chatChunksOf(reply: FakeReply, model: string): string[] {
  const chunk = (choices: unknown[], usage: unknown = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model, choices, usage })}\n\n`
  const events = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])]
  for (const piece of splitFakeText(reply.text ?? '')) {
    events.push(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]))
  }
  reply.toolCalls?.forEach((call, index) => {
    const toolCall = {
      index,
      id: fakeToolCallId(call, index),
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }
    events.push(chunk([{ index: 0, delta: { tool_calls: [toolCall] }, finish_reason: null }]))
  })
  events.push(chunk([{ index: 0, delta: {}, finish_reason: finishOf(reply) }]))
  events.push(chunk([], usageOf(reply)))
  events.push('data: [DONE]\n\n')
  return events
}

/**
 * OpenAI's protocol: Chat Completions (`POST /chat/completions`, JSON or SSE chunks ending with usage and
 * `data: [DONE]`), the Responses API (`POST /responses`, JSON or typed SSE events ending with `response.completed`,
 * a reply's `reasoning` as a reasoning item) and embeddings (`POST /embeddings`).
 */
export const openaiProtocol: FakeProtocol = {
  name: 'openai',
  isStream: (path, json) => !isEmbeddingsPath(path) && field(json, 'stream') === true,
  modelOf: (_path, json) => String(field(json, 'model') ?? 'gpt-4o-mini'),
  json: (reply, model, request) => {
    if (isEmbeddingsPath(request.path)) return embeddingsOf(model, request)
    if (isResponsesPath(request.path)) return responseOf(reply, model, request, 'completed')
    return chatCompletionOf(reply, model)
  },
  streamContentType: 'text/event-stream',
  streamEvents: (reply, model, request) => (isResponsesPath(request.path) ? responsesEventsOf(reply, model, request) : chatChunksOf(reply, model)),
  malformedEvent: 'data: {"id": "chatcmpl-fake", "choices": [\n\n',
  errorBody: (status, message) => ({
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null },
  }),
}

/**
 * Starts a fake OpenAI server on 127.0.0.1 (use its `url` as the `baseURL`): Chat Completions, the Responses API
 * and embeddings, JSON and streaming.
 *
 * @example
 * ```ts
 * const server = await startFakeOpenAIServer({ reply: () => 'Paris', faults: [{ status: 429, retryAfterSeconds: 1 }] })
 * const openai = createOpenAI({ baseURL: server.url, apiKey: 'test' })
 * ```
 */
export function startFakeOpenAIServer(options?: StartFakeServerOptions): Promise<FakeProviderServer> {
  return startFakeServer(openaiProtocol, options)
}
