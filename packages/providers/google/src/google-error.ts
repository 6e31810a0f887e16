import {
  APICallError,
  type APICallErrorOptions,
  AuthenticationError,
  createAPICallError,
  InvalidRequestError,
  type MapErrorFunction,
  RateLimitError,
  ServerError,
  UnsupportedModelError,
} from '@dspex/provider'

/** Gemini's error body: `{ "error": { "code": 429, "message": "...", "status": "RESOURCE_EXHAUSTED", "details": [...] } }`. */
export interface GoogleErrorPayload {
  readonly code?: number
  readonly message?: string
  readonly status?: string
  /** The `retryDelay` of a `google.rpc.RetryInfo` detail, in milliseconds. */
  readonly retryDelayMs?: number
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a protobuf duration (`"34.4s"`) as milliseconds. */
function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim())
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000)
}

/** Reads the `error` object of a Gemini error body (also when wrapped in an array), if the body is one. */
export function readGoogleError(value: unknown): GoogleErrorPayload | undefined {
  const root = Array.isArray(value) ? value[0] : value
  if (!isRecord(root) || !isRecord(root.error)) return undefined
  const { code, message, status, details } = root.error
  let retryDelayMs: number | undefined
  if (Array.isArray(details)) {
    for (const detail of details) {
      if (isRecord(detail) && String(detail['@type']).endsWith('google.rpc.RetryInfo')) {
        retryDelayMs = parseDuration(detail.retryDelay)
      }
    }
  }
  return {
    ...(typeof code === 'number' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof status === 'string' ? { status } : {}),
    ...(retryDelayMs === undefined ? {} : { retryDelayMs }),
  }
}

/**
 * Builds the error for a Gemini error that came without an HTTP status of its own (an `error` event in a stream),
 * from its gRPC `status`: `UNAVAILABLE`, `INTERNAL` and `DEADLINE_EXCEEDED` give a retryable `ServerError`,
 * `RESOURCE_EXHAUSTED` a `RateLimitError`, `UNAUTHENTICATED` and `PERMISSION_DENIED` an `AuthenticationError`,
 * `NOT_FOUND` an `UnsupportedModelError`, `INVALID_ARGUMENT` and `FAILED_PRECONDITION` an `InvalidRequestError`,
 * anything else a plain `APICallError`. The status code is the one Gemini put in the payload, when it did.
 */
export function createGoogleStatusError(failure: GoogleErrorPayload, options: APICallErrorOptions): APICallError {
  const fields = failure.code === undefined ? options : { ...options, statusCode: failure.code }
  switch (failure.status) {
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'DEADLINE_EXCEEDED':
      return new ServerError(fields)
    case 'RESOURCE_EXHAUSTED':
      return new RateLimitError(fields)
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return new AuthenticationError(fields)
    case 'NOT_FOUND':
      return new UnsupportedModelError(fields)
    case 'INVALID_ARGUMENT':
    case 'FAILED_PRECONDITION':
      return new InvalidRequestError(fields)
    default:
      return new APICallError(fields)
  }
}

function parseBody(responseBody: string): unknown {
  try {
    return JSON.parse(responseBody)
  } catch {
    return undefined
  }
}

/**
 * Maps a failed Gemini response to the `APICallError` family, with Google's `error.status` and
 * `error.message`: 401/403 give `AuthenticationError`, 429 `RateLimitError` whose `retryAfterMs`
 * comes from the body's `RetryInfo.retryDelay` (else the `retry-after` header), and a 400 about
 * the input token count `ContextWindowExceededError`.
 */
export const mapGoogleError: MapErrorFunction = (statusCode, responseBody, responseHeaders, context) => {
  const payload = readGoogleError(parseBody(responseBody))
  const message = payload?.message === undefined ? undefined : `${payload.status === undefined ? '' : `${payload.status}: `}${payload.message}`
  if (statusCode === 429) {
    return new RateLimitError({
      message: `${context.provider ?? 'google'} call failed with status 429: ${message ?? (responseBody.trim().slice(0, 500) || 'no response body')}`,
      statusCode,
      responseBody,
      responseHeaders,
      url: context.url,
      requestBodyValues: context.requestBodyValues,
      secrets: context.secrets,
      data: parseBody(responseBody),
      ...(context.provider === undefined ? {} : { provider: context.provider }),
      ...(payload?.retryDelayMs === undefined ? {} : { retryAfterMs: payload.retryDelayMs }),
    })
  }
  return createAPICallError({
    ...context,
    statusCode,
    responseBody,
    responseHeaders,
    ...(message === undefined ? {} : { message }),
  })
}
