import { parseJSON } from './parse-json.js'
import { type PostToAPIOptions, sendPostRequest } from './send-post-request.js'

/** Options of {@link postJSONToAPI}. */
export interface PostJSONToAPIOptions<Value> extends PostToAPIOptions {
  /** Checks the response's shape (a compiled TypeBox `Check`); without it the value is `unknown`. */
  readonly validate?: (value: unknown) => value is Value
}

/** What {@link postJSONToAPI} returns. */
export interface PostJSONToAPIResult<Value> {
  /** The parsed (and, with `validate`, checked) response body. */
  readonly value: Value
  /** The response headers, lower-cased. */
  readonly responseHeaders: Readonly<Record<string, string>>
  /** The HTTP status. */
  readonly statusCode: number
}

/**
 * Posts a JSON body and returns the parsed JSON reply with its headers. It makes one attempt:
 * retrying is {@link retryWithExponentialBackoff}'s job. `timeoutMs` covers the whole exchange,
 * body included. Connections are kept alive by Node's global `fetch`.
 *
 * @throws The caller's abort reason, untouched, when `signal` aborts.
 * @throws {TimeoutError} When `timeoutMs` runs out.
 * @throws {NetworkError} When the connection fails or breaks.
 * @throws {APICallError} For a non-2xx status, as built by `mapError` (by default {@link createAPICallError}:
 *   {@link AuthenticationError}, {@link RateLimitError}...).
 * @throws {InvalidResponseDataError} When a 2xx body is not JSON or fails `validate`.
 * @example
 * ```ts
 * const { value } = await postJSONToAPI({
 *   url: 'https://api.acme.dev/v1/chat/completions',
 *   headers: { authorization: `Bearer ${apiKey}` },
 *   body: { model: 'acme-1', messages },
 *   signal: request.signal,
 *   provider: 'acme',
 *   validate: isAcmeCompletion,
 * })
 * ```
 */
export async function postJSONToAPI<Value = unknown>(options: PostJSONToAPIOptions<Value>): Promise<PostJSONToAPIResult<Value>> {
  const { response, responseHeaders, url, secrets, toError, clearTimeout } = await sendPostRequest(options)
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw toError(error)
  } finally {
    clearTimeout()
  }
  const value = parseJSON(text, {
    url,
    statusCode: response.status,
    responseHeaders,
    secrets,
    ...(options.provider === undefined ? {} : { provider: options.provider }),
    ...(options.validate === undefined ? {} : { validate: options.validate }),
  })
  return { value, responseHeaders, statusCode: response.status }
}
