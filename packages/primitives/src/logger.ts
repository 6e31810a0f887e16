/**
 * Where DSPex sends the warnings DSPy logs (a callback that threw, a version mismatch in a saved
 * file, usage that could not be attached). Set one with `configure({ logger })` or, for a scope,
 * `context({ logger }, fn)`.
 */
export interface Logger {
  /** Reports something worth a look that did not stop the work. */
  warn(message: string): void
}

/** The default {@link Logger}: a Node process warning of type `DSPexWarning` (printed to stderr). */
export const processWarningLogger: Logger = {
  warn(message: string): void {
    process.emitWarning(message, { type: 'DSPexWarning' })
  },
}
