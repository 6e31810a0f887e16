import { fakeEmbedding } from './fake-embedding.js'
import {
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  fakeUsage,
  type StartFakeServerOptions,
  splitFakeText,
  startFakeServer,
} from './start-fake-server.js'

const createdAt = '2026-01-01T00:00:00.000000Z'
const field = (json: unknown, name: string): unknown =>
  typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined

const finalFields = (reply: FakeReply) => {
  const usage = fakeUsage(reply)
  return {
    done: true,
    done_reason: 'stop',
    total_duration: 1_000_000,
    load_duration: 1_000,
    prompt_eval_count: usage.inputTokens,
    prompt_eval_duration: 1_000,
    eval_count: usage.outputTokens,
    eval_duration: 1_000,
  }
}

const toolCallsOf = (reply: FakeReply) =>
  reply.toolCalls?.length ? { tool_calls: reply.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.arguments } })) } : {}

const isEmbed = (path: string) => path.startsWith('/api/embed')

/**
 * `/api/embed`, shaped like the reply in Ollama's API documentation ("Generate Embeddings"): the model,
 * one vector per input (from `fakeEmbedding`, 8 dimensions unless `dimensions` asks otherwise), durations
 * and `prompt_eval_count`.
 */
function embedReply(json: unknown, model: string) {
  const input = field(json, 'input')
  const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')]
  const dimensions = field(json, 'dimensions')
  return {
    model,
    embeddings: texts.map((text) => fakeEmbedding(text, typeof dimensions === 'number' ? dimensions : 8)),
    total_duration: 14_143_917,
    load_duration: 1_019_500,
    prompt_eval_count: texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0),
  }
}

/** Ollama: `POST /api/chat`, JSON (`stream: false`) or NDJSON lines ending with `done: true`; and `POST /api/embed`. */
export const ollamaProtocol: FakeProtocol = {
  name: 'ollama',
  isStream: (path, json) => !isEmbed(path) && field(json, 'stream') !== false,
  modelOf: (_path, json) => String(field(json, 'model') ?? 'llama3.2'),
  json: (reply, model, request) =>
    isEmbed(request.path)
      ? embedReply(request.json, model)
      : {
          model,
          created_at: createdAt,
          message: { role: 'assistant', content: reply.text ?? '', ...toolCallsOf(reply) },
          ...finalFields(reply),
        },
  streamContentType: 'application/x-ndjson',
  streamEvents: (reply, model) => {
    const line = (value: unknown) => `${JSON.stringify(value)}\n`
    const events = splitFakeText(reply.text ?? '').map((piece) =>
      line({ model, created_at: createdAt, message: { role: 'assistant', content: piece }, done: false }),
    )
    if (reply.toolCalls?.length) {
      events.push(line({ model, created_at: createdAt, message: { role: 'assistant', content: '', ...toolCallsOf(reply) }, done: false }))
    }
    events.push(line({ model, created_at: createdAt, message: { role: 'assistant', content: '' }, ...finalFields(reply) }))
    return events
  },
  malformedEvent: '{"model": "llama3.2", "message": {\n',
  errorBody: (_status, message) => ({ error: message }),
}

/**
 * Starts a fake Ollama server on 127.0.0.1 (use its `url` as the `baseURL`).
 *
 * @example
 * ```ts
 * const server = await startFakeOllamaServer({ faults: [{ truncateStream: true }] })
 * const ollama = createOllama({ baseURL: server.url })
 * ```
 */
export function startFakeOllamaServer(options?: StartFakeServerOptions): Promise<FakeProviderServer> {
  return startFakeServer(ollamaProtocol, options)
}
