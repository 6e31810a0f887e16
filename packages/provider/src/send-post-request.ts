import ky from 'ky'
import { version } from '../package.json'
import { collectRequestSecrets } from './collect-request-secrets.js'
import { combineHeaders } from './combine-headers.js'
import { createAPICallError } from './create-api-call-error.js'
import { APICallError } from './errors/api-call-error.js'
import { NetworkError } from './errors/network-error.js'
import { ProviderError } from './errors/provider-error.js'
import { TimeoutError } from './errors/timeout-error.js'
import type { FetchFunction } from './fetch-function.js'
import { describeNetworkFailure, isCertificateFailure, isNetworkFailure } from './is-network-failure.js'
import { createNodeHTTPFetch } from './node-http-fetch.js'
import { redactSecrets, redactValue, usableSecrets } from './redact-secrets.js'
import { withUserAgent } from './with-user-agent.js'

/** What a provider's `mapError` is told about the failed call besides the response. Built only when a call fails. */
export interface ErrorResponseContext {
  /** The URL that was called, secrets redacted. */
  readonly url: string
  /** The provider's name, if the call named it. */
  readonly provider?: string
  /** The request body that was sent, secrets redacted. */
  readonly requestBodyValues: unknown
  /** The request's credentials, to pass on to an error constructor's `secrets`. */
  readonly secrets: readonly string[]
}

/**
 * Turns a non-2xx response into the error to throw. The body and header values it receives are
 * already redacted of the request's credentials.
 */
export type MapErrorFunction = (
  statusCode: number,
  responseBody: string,
  responseHeaders: Readonly<Record<string, string>>,
  context: ErrorResponseContext,
) => APICallError

/** Options shared by {@link postJSONToAPI} and {@link postToAPIStream}. */
export interface PostToAPIOptions {
  /** The absolute URL to post to. */
  readonly url: string
  /** Request headers; `content-type: application/json` is added unless set. */
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined
  /** The request body, sent as JSON. */
  readonly body: unknown
  /** The caller's signal; when it aborts, the call rejects with the signal's reason, untouched. */
  readonly signal?: AbortSignal | undefined
  /** A time limit in milliseconds; when it runs out the call rejects with a {@link TimeoutError}. */
  readonly timeoutMs?: number | undefined
  /** A `fetch` to use instead of the built-in one ({@link createNodeHTTPFetch}: `node:http` with keep-alive). */
  readonly fetch?: FetchFunction | undefined
  /** Maps a non-2xx response to an error; defaults to {@link createAPICallError}. */
  readonly mapError?: MapErrorFunction
  /** The provider's name, for error messages. */
  readonly provider?: string
  /** More values to redact from errors, besides the credentials found in headers and the URL. */
  readonly secrets?: readonly (string | undefined)[]
}

/** A sent request whose response headers have arrived. */
export interface SentRequest {
  readonly response: Response
  readonly responseHeaders: Record<string, string>
  /** The URL that was called, secrets redacted. */
  readonly url: string
  /** The request's credentials, to redact from anything built from the response. */
  readonly secrets: readonly string[]
  /** Maps anything thrown while the body is read to the error to throw. */
  readonly toError: (error: unknown) => unknown
  /** Stops the time limit. */
  readonly clearTimeout: () => void
}

/** One ky client for calls through an injected fetch: no ky retries (callers retry), no ky timeout (we time the call), no thrown HTTP errors. */
const client = ky.create({ retry: 0, timeout: false, throwHttpErrors: false })

/** The `fetch` used when the caller injects none, created on first use. */
let defaultFetch: FetchFunction | undefined

function builtInFetch(): FetchFunction {
  defaultFetch ??= createNodeHTTPFetch()
  return defaultFetch
}

const userAgent = `dspex-provider/${version}`

/**
 * Posts JSON (through the built-in keep-alive fetch, or an injected `fetch` through ky) and waits
 * for the response headers. Non-2xx responses
 * are read and thrown through `mapError`; aborts rethrow the caller's reason; a time limit gives a
 * {@link TimeoutError}; connection failures give a {@link NetworkError} (retryable), a connection lost after the
 * response began (a 200 whose body was cut short) included, through the built-in fetch or an injected one.
 */
export async function sendPostRequest(options: PostToAPIOptions): Promise<SentRequest> {
  const { url, body, signal, timeoutMs, provider } = options
  signal?.throwIfAborted()
  const headers = withUserAgent(combineHeaders({ 'content-type': 'application/json' }, options.headers), userAgent)
  const secrets = collectRequestSecrets(headers, url, options.secrets)
  const redactedURL = secrets.length === 0 ? url : redactSecrets(url, secrets)
  // Redacting the request body walks all of it, so it is done only for an error.
  let context: ErrorResponseContext | undefined
  const errorContext = (): ErrorResponseContext => {
    context ??= {
      url: redactedURL,
      requestBodyValues: redactValue(body, secrets),
      secrets,
      ...(provider === undefined ? {} : { provider }),
    }
    return context
  }
  const where = provider === undefined ? redactedURL : `${provider} (${redactedURL})`

  const timeoutController = timeoutMs === undefined ? undefined : new AbortController()
  const timer = timeoutController === undefined ? undefined : setTimeout(() => timeoutController.abort(), Math.max(0, timeoutMs ?? 0))
  const stopTimer = (): void => clearTimeout(timer)
  const requestSignal =
    signal === undefined || timeoutController === undefined
      ? (signal ?? timeoutController?.signal)
      : AbortSignal.any([signal, timeoutController.signal])

  const toError = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason
    const { url: errorURL, requestBodyValues } = errorContext()
    const errorFields = { url: errorURL, provider, requestBodyValues, secrets }
    if (timeoutController?.signal.aborted && timeoutMs !== undefined) {
      return new TimeoutError({ ...errorFields, message: `${where} did not answer within ${timeoutMs} ms.`, timeoutMs, cause: error })
    }
    if (ProviderError.isInstance(error)) return error
    if (isNetworkFailure(error)) {
      // `terminated`: the response had begun (a 200's headers, part of its body) when the connection was lost.
      const message =
        error.message === 'terminated'
          ? `The connection to ${where} was lost before the response ended: ${describeNetworkFailure(error)}`
          : `Cannot reach ${where}: ${describeNetworkFailure(error)}`
      return new NetworkError({ ...errorFields, message, cause: error, ...(isCertificateFailure(error) ? { isRetryable: false } : {}) })
    }
    const reason = error instanceof Error ? error.message : String(error)
    return new APICallError({ ...errorFields, message: `Call to ${where} failed: ${reason}`, cause: error, isRetryable: false })
  }

  let response: Response
  try {
    const init = { method: 'POST', body: JSON.stringify(body), headers, ...(requestSignal === undefined ? {} : { signal: requestSignal }) }
    // The built-in keep-alive fetch is called directly: going through ky costs about 170 us of CPU per
    // call under load (a Request, its clone, Headers and an AbortController each time), a third of an
    // evaluated example's budget. An injected fetch goes through ky.
    response = options.fetch === undefined ? await builtInFetch()(url, init) : await client.post(url, { ...init, fetch: options.fetch })
  } catch (error) {
    stopTimer()
    throw toError(error)
  }
  const responseHeaders = redactHeaders(response.headers, secrets)
  if (!response.ok) {
    let responseBody: string
    try {
      responseBody = redactSecrets(await response.text(), secrets)
    } catch (error) {
      throw toError(error)
    } finally {
      stopTimer()
    }
    throw mapErrorResponse(options.mapError, response.status, responseBody, responseHeaders, errorContext())
  }
  return { response, responseHeaders, url: redactedURL, secrets, toError, clearTimeout: stopTimer }
}

/** The response headers as a record; only a header that holds a secret (a server echoing the key) is copied redacted. */
function redactHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {}
  const searched = secrets.length === 0 ? [] : usableSecrets(secrets)
  let leaks = false
  headers.forEach((value, name) => {
    record[name] = value
    if (!leaks && searched.some((secret) => value.includes(secret))) leaks = true
  })
  return leaks ? redactValue(record, secrets) : record
}

function mapErrorResponse(
  mapError: MapErrorFunction | undefined,
  statusCode: number,
  responseBody: string,
  responseHeaders: Record<string, string>,
  context: ErrorResponseContext,
): APICallError {
  const fallback = (cause?: unknown): APICallError => createAPICallError({ ...context, statusCode, responseBody, responseHeaders, cause })
  if (mapError === undefined) return fallback()
  try {
    const error = mapError(statusCode, responseBody, responseHeaders, context)
    return APICallError.isInstance(error) ? error : fallback()
  } catch (error) {
    return APICallError.isInstance(error) ? error : fallback(error)
  }
}
