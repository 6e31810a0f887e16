import { combineHeaders } from './combine-headers.js'
import type { FetchFunction } from './fetch-function.js'
import { type PostJSONToAPIResult, postJSONToAPI } from './post-json-to-api.js'
import { type PostToAPIStreamResult, postToAPIStream } from './post-to-api-stream.js'
import { retryWithExponentialBackoff } from './retry-with-exponential-backoff.js'
import type { MapErrorFunction, PostToAPIOptions } from './send-post-request.js'

/** How a provider reaches its API: everything but the path and body of each call. */
export interface ProviderAPIConfig {
  /** The provider's name, for error messages (`openai`, `anthropic`...). */
  readonly provider: string
  /** The API's base URL; a function when it is read at call time (from an environment variable). Trailing slashes are ignored. */
  readonly baseURL: string | (() => string)
  /** Headers of every call, credentials included; called per call so keys are read when a call is made. */
  readonly headers: () => Readonly<Record<string, string | undefined>>
  /** Maps a non-2xx response to the provider's error classes. */
  readonly mapError?: MapErrorFunction | undefined
  /** A `fetch` to use instead of the built-in keep-alive one. */
  readonly fetch?: FetchFunction | undefined
  /** Retries after a retryable failure (a rate limit, a timeout, a server error, a lost connection); default 2. */
  readonly maxRetries?: number | undefined
  /** A time limit per attempt, in milliseconds (for a stream: until the headers arrive). */
  readonly timeoutMs?: number | undefined
}

/** What one call adds to its provider's configuration: the caller's signal and extra headers. */
export interface ProviderCallOptions {
  /** Cancels the call, retries and waits included. */
  readonly signal?: AbortSignal | undefined
  /** Headers for this call only; they override the provider's. */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined
}

/** Posts to one provider's API with its headers, error mapping, time limit and retries. */
export interface ProviderAPI {
  /** Posts `body` as JSON to `path` (relative to the base URL) and returns the parsed, checked reply. */
  postJSON<Value>(
    path: string,
    body: unknown,
    call: ProviderCallOptions,
    validate?: (value: unknown) => value is Value,
  ): Promise<PostJSONToAPIResult<Value>>
  /** Posts `body` as JSON to `path` and returns the streaming response once its headers arrive. */
  postStream(path: string, body: unknown, call: ProviderCallOptions): Promise<PostToAPIStreamResult>
}

/**
 * Builds the transport a provider package's models share, so no provider repeats the plumbing of
 * signals, headers, time limits, injected fetch and retries.
 *
 * @example
 * ```ts
 * const api = createProviderAPI({ provider: 'acme', baseURL: 'https://api.acme.dev/v1', headers: () => ({ authorization: `Bearer ${key}` }) })
 * const { value } = await api.postJSON('/complete', { prompt: 'Hi' }, request, isAcmeReply)
 * ```
 */
export function createProviderAPI(config: ProviderAPIConfig): ProviderAPI {
  const baseURL = config.baseURL
  const resolveBaseURL = typeof baseURL === 'string' ? () => baseURL : baseURL
  const maxRetries = config.maxRetries ?? 2
  const postOptions = (path: string, body: unknown, call: ProviderCallOptions): PostToAPIOptions => ({
    url: `${trimTrailingSlashes(resolveBaseURL())}${path}`,
    headers: combineHeaders(config.headers(), call.headers),
    body,
    provider: config.provider,
    ...(config.mapError === undefined ? {} : { mapError: config.mapError }),
    ...(call.signal === undefined ? {} : { signal: call.signal }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  })
  const retry = <Result>(call: ProviderCallOptions, attempt: () => Promise<Result>): Promise<Result> =>
    retryWithExponentialBackoff(attempt, { maxRetries, ...(call.signal === undefined ? {} : { signal: call.signal }) })
  return {
    postJSON(path, body, call, validate) {
      const options = postOptions(path, body, call)
      return retry(call, () => postJSONToAPI(validate === undefined ? options : { ...options, validate }))
    },
    postStream(path, body, call) {
      const options = postOptions(path, body, call)
      return retry(call, () => postToAPIStream(options))
    },
  }
}

function trimTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 47) end -= 1
  return end === url.length ? url : url.slice(0, end)
}
