/**
 * True for the error a cancelled call rejects with by default: a `DOMException` (or `Error`)
 * named `AbortError`, or `TimeoutError` for a caller's own `AbortSignal.timeout(...)`. The
 * helpers rethrow the caller's abort reason untouched, so a custom reason passed to
 * `controller.abort(reason)` is not recognised here: compare it with `signal.reason` instead.
 *
 * @param error - Anything that was thrown.
 * @returns Whether it is the standard abort or timeout error of an aborted signal.
 */
export function isAbortError(error: unknown): error is Error {
  return (
    (error instanceof Error || error instanceof DOMException) &&
    (error.name === 'AbortError' || error.name === 'TimeoutError') &&
    !(typeof error === 'object' && error !== null && Symbol.for('dspex.provider.error') in error)
  )
}
