import {
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
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

/** Gemini: `POST /models/{model}:generateContent` (JSON) and `:streamGenerateContent?alt=sse` (SSE of whole responses). */
export const geminiProtocol: FakeProtocol = {
  name: 'gemini',
  isStream: (path) => path.includes(':streamGenerateContent'),
  modelOf: (path) => /models\/([^:/?]+)/.exec(path)?.[1] ?? 'gemini-2.5-flash',
  json: (reply, model) => ({
    candidates: [candidate([...(reply.text !== undefined ? [{ text: reply.text }] : []), ...toolParts(reply)], 'STOP')],
    usageMetadata: usageOf(reply),
    modelVersion: model,
    responseId: 'fake-response',
  }),
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
