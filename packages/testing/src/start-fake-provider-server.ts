import { anthropicProtocol } from './fake-anthropic-server.js'
import { geminiProtocol } from './fake-gemini-server.js'
import { ollamaProtocol } from './fake-ollama-server.js'
import { openaiProtocol } from './fake-openai-server.js'
import { type FakeProtocol, type FakeProviderServer, type StartFakeServerOptions, startFakeServer } from './start-fake-server.js'

/** The wire protocols the fake servers speak. */
export type FakeProtocolName = 'openai' | 'anthropic' | 'gemini' | 'ollama'

/** Options of {@link startFakeProviderServer}. */
export interface StartFakeProviderServerOptions extends StartFakeServerOptions {
  readonly protocol: FakeProtocolName
}

const protocols: Record<FakeProtocolName, FakeProtocol> = {
  openai: openaiProtocol,
  anthropic: anthropicProtocol,
  gemini: geminiProtocol,
  ollama: ollamaProtocol,
}

/**
 * Starts a fake server on 127.0.0.1 speaking one provider's real wire format (JSON and streaming),
 * with keep-alive, recording every request, and injecting faults: latency, a status (429 with
 * `retry-after`, 500), a connection reset, a truncated stream or malformed JSON.
 *
 * @param options - The protocol, the reply (a fixed text by default) and a fault queue or chooser.
 * @returns `url` (use as the provider's `baseURL`), `requests` and `close()`.
 * @throws Error when the protocol is unknown.
 * @example
 * ```ts
 * const server = await startFakeProviderServer({
 *   protocol: 'openai',
 *   reply: () => 'Paris',
 *   faults: [{ status: 429, retryAfterSeconds: 1 }, { reset: true }],
 * })
 * const model = createOpenAI({ baseURL: server.url, apiKey: 'test' })('gpt-4o-mini')
 * await server.close()
 * ```
 */
export function startFakeProviderServer(options: StartFakeProviderServerOptions): Promise<FakeProviderServer> {
  const protocol = protocols[options.protocol]
  if (protocol === undefined) throw new Error(`startFakeProviderServer: unknown protocol "${String(options.protocol)}"`)
  return startFakeServer(protocol, options)
}
