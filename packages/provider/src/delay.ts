/**
 * Waits `ms` milliseconds, or until `signal` aborts.
 *
 * @param ms - How long to wait (negative waits nothing).
 * @param signal - Stops the wait early.
 * @throws The signal's reason, untouched, when it aborts before or during the wait.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
