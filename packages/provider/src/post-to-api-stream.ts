import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import type { ParseStreamOptions } from './read-text-chunks.js'
import { type PostToAPIOptions, sendPostRequest } from './send-post-request.js'

/** What {@link postToAPIStream} returns. */
export interface PostToAPIStreamResult {
  /** The response body, to read with {@link parseSSEStream} or {@link parseNDJSONStream}. */
  readonly body: ReadableStream<Uint8Array>
  /** The response headers, lower-cased. */
  readonly responseHeaders: Readonly<Record<string, string>>
  /** The HTTP status. */
  readonly statusCode: number
  /** The URL that was called, secrets redacted. */
  readonly url: string
  /** What the stream parsers need for their errors and aborts: the signal, URL, provider and the request's credentials. */
  readonly parseOptions: ParseStreamOptions
}

/**
 * Posts a JSON body and returns the response body as a stream once the headers arrive, for
 * server-sent events or NDJSON. `timeoutMs` covers the wait for the headers only, so a long
 * stream is never cut; the caller's `signal` still aborts the body while it is read.
 *
 * @throws The caller's abort reason, untouched, when `signal` aborts.
 * @throws {TimeoutError} When no headers arrive within `timeoutMs`.
 * @throws {NetworkError} When the connection fails.
 * @throws {APICallError} For a non-2xx status, as built by `mapError`.
 * @throws {InvalidResponseDataError} When a 2xx response has no body.
 * @example
 * ```ts
 * const { body, parseOptions } = await postToAPIStream({ url, headers, body: { ...payload, stream: true }, signal })
 * for await (const event of parseSSEStream(body, parseOptions)) handle(event.data)
 * ```
 */
export async function postToAPIStream(options: PostToAPIOptions): Promise<PostToAPIStreamResult> {
  const { response, responseHeaders, url, secrets, clearTimeout } = await sendPostRequest(options)
  clearTimeout()
  if (response.body === null) {
    throw new InvalidResponseDataError({
      message: `${options.provider ?? 'The provider'} sent a streaming response without a body.`,
      url,
      statusCode: response.status,
      responseHeaders,
      text: '',
      ...(options.provider === undefined ? {} : { provider: options.provider }),
    })
  }
  const parseOptions: ParseStreamOptions = {
    url,
    secrets,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.provider === undefined ? {} : { provider: options.provider }),
  }
  return { body: response.body, responseHeaders, statusCode: response.status, url, parseOptions }
}
