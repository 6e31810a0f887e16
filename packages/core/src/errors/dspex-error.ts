const rootMarker = Symbol.for('dspex.error')

/** Options every DSPex error takes: a message, an optional cause and a stable code. */
export interface DSPexErrorOptions {
  /** What was wrong and where. */
  message: string
  /** A stable, machine-readable code (kebab-case) a caller can branch on. */
  code?: string
  /** The underlying error, if any. */
  cause?: unknown
}

/**
 * The root of every DSPex error class above `@dspex/provider`.
 *
 * Each instance carries the marker `Symbol.for('dspex.error')` plus one marker per class in its
 * chain, so `instanceof` and {@link DSPexError.isInstance} work across duplicated package copies.
 *
 * @example
 * ```ts
 * try { parseSignature('a b -> c') } catch (error) {
 *   if (SignatureError.isInstance(error)) console.log(error.code)
 * }
 * ```
 */
export class DSPexError extends Error {
  /** The marker of this class; subclasses declare their own. */
  static readonly marker: symbol = rootMarker
  /** A stable, machine-readable code. */
  readonly code: string

  constructor({ message, code = 'dspex-error', cause }: DSPexErrorOptions) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = new.target.name
    this.code = code
    let current: unknown = new.target
    while (typeof current === 'function' && 'marker' in current) {
      Object.defineProperty(this, (current as { marker: symbol }).marker, { value: true })
      current = Object.getPrototypeOf(current)
    }
  }

  /** True when `value` is an instance of the class this is called on, even from another copy of the package. */
  static isInstance<Class extends abstract new (...args: never[]) => DSPexError>(
    this: Class & { readonly marker: symbol },
    value: unknown,
  ): value is InstanceType<Class> {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[this.marker] === true
  }

  /** Makes `instanceof` use the class marker, so it works across copies of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[this.marker] === true
  }
}
