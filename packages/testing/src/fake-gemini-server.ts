import { fakeEmbedding } from './fake-embedding.js'
import {
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  type FakeRequest,
  fakeUsage,
  type StartFakeServerOptions,
  splitFakeText,
  startFakeServer,
} from './start-fake-server.js'

const usageOf = (reply: FakeReply) => {
  const usage = fakeUsage(reply)
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: usage.outputTokens,
    totalTokenCount: usage.inputTokens + usage.outputTokens,
  }
}

const candidate = (parts: unknown[], finishReason?: string) => ({
  content: { role: 'model', parts },
  ...(finishReason ? { finishReason } : {}),
  index: 0,
})

const toolParts = (reply: FakeReply) => reply.toolCalls?.map((call) => ({ functionCall: { name: call.name, args: call.arguments } })) ?? []

interface GeminiEmbedRequest {
  readonly content?: { readonly parts?: readonly { readonly text?: string }[] }
  readonly outputDimensionality?: number
}

const embeddingOf = (request: GeminiEmbedRequest | undefined) => ({
  values: fakeEmbedding(request?.content?.parts?.map((part) => part.text ?? '').join('') ?? '', request?.outputDimensionality ?? 8),
})

/**
 * The embedding replies, hand-written to match the shapes in Google's Gemini API reference (not recorded):
 * `embedContent` answers `{ "embedding": { "values": [...] } }` and `batchEmbedContents` answers
 * `{ "embeddings": [{ "values": [...] }, ...] }`, one per request, in order. The vectors come from
 * `fakeEmbedding` (8 dimensions unless `outputDimensionality` asks otherwise); Gemini reports no usage here.
 */
function embedReply(request: FakeRequest): unknown {
  const json = (request.json ?? {}) as { readonly requests?: readonly GeminiEmbedRequest[] } & GeminiEmbedRequest
  if (request.path.includes(':batchEmbedContents')) return { embeddings: (json.requests ?? []).map(embeddingOf) }
  return { embedding: embeddingOf(json) }
}

/**
 * Gemini: `POST /models/{model}:generateContent` (JSON), `:streamGenerateContent?alt=sse` (SSE of whole
 * responses), and the embedding endpoints `:embedContent` and `:batchEmbedContents`.
 */
export const geminiProtocol: FakeProtocol = {
  name: 'gemini',
  isStream: (path) => path.includes(':streamGenerateContent'),
  modelOf: (path) => /models\/([^:/?]+)/.exec(path)?.[1] ?? 'gemini-2.5-flash',
  json: (reply, model, request) => {
    if (/:(batchEmbedContents|embedContent)\b/.test(request.path)) return embedReply(request)
    return {
      candidates: [candidate([...(reply.text !== undefined ? [{ text: reply.text }] : []), ...toolParts(reply)], 'STOP')],
      usageMetadata: usageOf(reply),
      modelVersion: model,
      responseId: 'fake-response',
    }
  },
  streamContentType: 'text/event-stream',
  streamEvents: (reply, model) => {
    const pieces = splitFakeText(reply.text ?? '')
    const events = pieces.map((piece) => ({ candidates: [candidate([{ text: piece }])], modelVersion: model }))
    const last = { candidates: [candidate(toolParts(reply), 'STOP')], usageMetadata: usageOf(reply), modelVersion: model }
    return [...events, last].map((value) => `data: ${JSON.stringify(value)}\r\n\r\n`)
  },
  malformedEvent: 'data: {"candidates": [\r\n\r\n',
  errorBody: (status, message) => ({
    error: { code: status, message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL' },
  }),
}

/**
 * Starts a fake Gemini API server on 127.0.0.1 (use its `url` as the `baseURL`).
 *
 * @example
 * ```ts
 * const server = await startFakeGeminiServer({ faults: [{ reset: true }] })
 * const google = createGoogle({ baseURL: server.url, apiKey: 'test' })
 * ```
 */
export function startFakeGeminiServer(options?: StartFakeServerOptions): Promise<FakeProviderServer> {
  return startFakeServer(geminiProtocol, options)
}
