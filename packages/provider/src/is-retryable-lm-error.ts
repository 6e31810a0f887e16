import { NetworkError } from './errors/network-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { ServerError } from './errors/server-error.js'
import { TimeoutError } from './errors/timeout-error.js'

/**
 * Whether an error is of a class a retry may fix, as DSPy's `is_retryable_lm_error` decides: a rate limit
 * ({@link RateLimitError}), a time limit ({@link TimeoutError}), a provider failure ({@link ServerError}) or a lost
 * connection ({@link NetworkError}, {@link StreamInterruptedError}). Every other error, a {@link BillingError} or an
 * {@link InvalidRequestError} among them, is not. An `APICallError`'s `isRetryable` defaults to the same answer.
 *
 * @param error - Anything that was thrown.
 * @returns True for the four retryable classes (by their markers, so also across package copies).
 * @see DSPy's `is_retryable_lm_error` in `dspy/utils/exceptions.py`
 * @example
 * ```ts
 * catch (error) { if (isRetryableLMError(error)) queue.retryLater(request) else throw error }
 * ```
 */
export function isRetryableLMError(error: unknown): boolean {
  return RateLimitError.isInstance(error) || TimeoutError.isInstance(error) || ServerError.isInstance(error) || NetworkError.isInstance(error)
}
