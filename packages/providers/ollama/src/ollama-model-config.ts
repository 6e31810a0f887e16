import type { FetchFunction } from '@dspex/provider'

/** What an Ollama model needs from its provider: where to call, with which headers, and how. */
export interface OllamaModelConfig {
  /** Called on every request, so `OLLAMA_HOST` is read at call time. */
  readonly baseURL: () => string
  readonly headers: () => Readonly<Record<string, string | undefined>>
  readonly fetch?: FetchFunction
  readonly maxRetries: number
  readonly timeoutMs?: number
}
