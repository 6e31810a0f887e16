import { TimeoutError } from '@dspex/provider'

/** A running time limit: its signal aborts with a typed {@link TimeoutError} when the time runs out. */
export interface CallTimeLimit {
  readonly signal: AbortSignal
  /** Stops the timer once the call has settled. */
  readonly clear: () => void
}

/**
 * Starts the time limit of one LM call. When it runs out, the signal aborts with
 * `@dspex/provider`'s {@link TimeoutError} (retryable, with `timeoutMs`), so the caller can
 * branch on the error's class as for a provider's own time limit.
 */
export function startCallTimeLimit(timeoutMs: number, model: string, provider: string): CallTimeLimit {
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort(new TimeoutError({ message: `${model} did not answer within ${timeoutMs} ms (the LM's timeoutMs).`, timeoutMs, provider }))
  }, timeoutMs)
  return { signal: controller.signal, clear: () => clearTimeout(timer) }
}
