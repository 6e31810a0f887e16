import type { FetchFunction } from './fetch-function.js'

/**
 * The settings every provider factory accepts (`createOpenAI`, `createAnthropic`...); providers
 * extend it with their own.
 */
export interface ProviderSettings {
  /** The API key; defaults to the provider's usual environment variable, read when a call is made. */
  readonly apiKey?: string | undefined
  /** The API's base URL, for proxies, gateways and compatible servers. */
  readonly baseURL?: string | undefined
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** A `fetch` to use instead of the built-in keep-alive one (proxies, instrumentation, other runtimes). */
  readonly fetch?: FetchFunction | undefined
  /** How many times a retryable failure (a rate limit, a timeout, a server error, a lost connection) is retried; default 2. */
  readonly maxRetries?: number | undefined
  /** A time limit per attempt, in milliseconds (for a stream: until the headers arrive). */
  readonly timeoutMs?: number | undefined
}
