import { delay } from './delay.js'
import { APICallError } from './errors/api-call-error.js'
import { parseRetryAfter } from './parse-retry-after.js'

/** What {@link RetryOptions.onRetry} is told before each wait. */
export interface RetryEvent {
  /** The error that will be retried. */
  readonly error: APICallError
  /** The attempt that failed, from 1. */
  readonly attempt: number
  /** How long the next attempt waits, in milliseconds. */
  readonly delayMs: number
}

/** Options of {@link retryWithExponentialBackoff}. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  readonly maxRetries?: number
  /** The wait before the first retry, in milliseconds. Default 1000. */
  readonly initialDelayMs?: number
  /** How much each wait grows. Default 2. */
  readonly backoffFactor?: number
  /** The longest computed wait, in milliseconds. Default 30 000. */
  readonly maxDelayMs?: number
  /** The fraction of a computed wait that is random (0 to 1), so clients do not retry in step. Default 0.2. */
  readonly jitter?: number
  /** The longest wait a provider may ask for (`retry-after`); a longer one stops retrying. Default 60 000. */
  readonly maxRetryAfterMs?: number
  /** Stops retrying (and any wait) when it aborts. */
  readonly signal?: AbortSignal | undefined
  /** Called before each wait, for logging or metrics. */
  readonly onRetry?: (event: RetryEvent) => void
}

const nonRetryableClientError = (statusCode: number | undefined): boolean =>
  statusCode !== undefined && statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 429

/**
 * Runs `fn` and retries it while it fails with a retryable {@link APICallError}
 * (`isRetryable`: rate limits, timeouts, server errors and lost connections, as DSPy's `is_retryable_lm_error`
 * says), waiting longer each time.
 * A wait the provider asked for (the error's `retryAfterMs`, or its `retry-after-ms` /
 * `retry-after` headers) replaces the computed one, without jitter. Any other error, and any
 * other 4xx even if flagged retryable, is thrown at once. After the last retry the last error
 * is thrown as it is, so callers can still branch on its class.
 *
 * @param fn - The call; it receives the attempt number, from 1.
 * @param options - Limits, backoff and the caller's signal.
 * @returns What `fn` returned.
 * @throws The last error, or the signal's reason, untouched, once the signal aborts.
 * @example
 * ```ts
 * const result = await retryWithExponentialBackoff(() => model.generate(request), { maxRetries: 3, signal })
 * ```
 */
export async function retryWithExponentialBackoff<Result>(fn: (attempt: number) => Promise<Result>, options: RetryOptions = {}): Promise<Result> {
  const {
    maxRetries = 2,
    initialDelayMs = 1000,
    backoffFactor = 2,
    maxDelayMs = 30_000,
    jitter = 0.2,
    maxRetryAfterMs = 60_000,
    signal,
    onRetry,
  } = options
  for (let attempt = 1; ; attempt += 1) {
    signal?.throwIfAborted()
    try {
      return await fn(attempt)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (attempt > maxRetries || !APICallError.isInstance(error) || !error.isRetryable || nonRetryableClientError(error.statusCode)) {
        throw error
      }
      const requested = error.retryAfterMs ?? (error.responseHeaders && parseRetryAfter(error.responseHeaders))
      if (requested !== undefined && requested > maxRetryAfterMs) throw error
      const backoff = Math.min(maxDelayMs, initialDelayMs * backoffFactor ** (attempt - 1))
      const delayMs = requested ?? backoff * (1 - Math.min(1, Math.max(0, jitter)) * Math.random())
      onRetry?.({ error, attempt, delayMs })
      await delay(delayMs, signal)
    }
  }
}
