import type { ProviderAPI } from '@dspex/provider'

/** What an Ollama model needs from its provider: the transport (base URL read at call time, headers, errors, retries, time limit, fetch). */
export interface OllamaModelConfig {
  readonly api: ProviderAPI
}
