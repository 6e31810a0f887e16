import { redactCause, redactSecrets } from '../redact-secrets.js'

/** The marker every DSPex error carries, whichever package declared its class. */
const dspexErrorMarker = Symbol.for('dspex.error')

/** Options every provider error takes. */
export interface ProviderErrorOptions {
  /** What was wrong and where. Secrets listed in `secrets` are redacted from it. */
  readonly message: string
  /** The underlying error, if any (redacted when its message contains a secret). */
  readonly cause?: unknown
  /** Values (API keys, tokens) that must never appear in the error; they are not stored. */
  readonly secrets?: readonly (string | undefined)[]
}

/**
 * The root of every error `@dspex/provider` and provider packages throw.
 *
 * Each instance carries, as own properties set to `true`, the DSPex-wide marker
 * `Symbol.for('dspex.error')`, this class's marker `Symbol.for('dspex.provider.error')` and one
 * marker per subclass in its chain. {@link ProviderError.isInstance} and `instanceof` check the
 * marker of the class they are called on, so they work across duplicated copies of the package.
 * Each class has a stable `code` (kebab-case) a caller can branch on.
 *
 * @example
 * ```ts
 * try { await model.generate(request) } catch (error) {
 *   if (RateLimitError.isInstance(error)) await sleep(error.retryAfterMs ?? 1000)
 * }
 * ```
 */
export class ProviderError extends Error {
  /** The marker of this class; each subclass declares its own. */
  static readonly marker: symbol = Symbol.for('dspex.provider.error')
  /** The stable code of this class; each subclass declares its own. */
  static readonly code: string = 'provider'
  /** A stable, machine-readable code (the class's static `code`). */
  readonly code: string

  constructor({ message, cause, secrets = [] }: ProviderErrorOptions) {
    const safeCause = redactCause(cause, secrets)
    super(redactSecrets(message, secrets), safeCause === undefined ? undefined : { cause: safeCause })
    this.name = new.target.name
    this.code = (new.target as unknown as typeof ProviderError).code
    Object.defineProperty(this, dspexErrorMarker, { value: true })
    let current: unknown = new.target
    while (typeof current === 'function' && Object.hasOwn(current, 'marker')) {
      Object.defineProperty(this, (current as unknown as { marker: symbol }).marker, { value: true })
      current = Object.getPrototypeOf(current)
    }
  }

  /** True when `value` is an instance of the class this is called on, even from another copy of the package. */
  static isInstance<Class extends abstract new (...args: never[]) => ProviderError>(
    this: Class & { readonly marker: symbol },
    value: unknown,
  ): value is InstanceType<Class> {
    return hasMarker(value, this.marker)
  }

  /** Makes `instanceof` check the class marker, so it works across copies of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasMarker(value, this.marker)
  }

  /** A plain, secret-free object for logs and JSON: name, code, message, typed fields and a cause summary. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message }
    for (const [key, value] of Object.entries(this)) {
      if (typeof value !== 'function' && value !== undefined) json[key] = value
    }
    if (this.cause !== undefined) json.cause = summarizeCause(this.cause)
    return json
  }
}

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}

function summarizeCause(cause: unknown): unknown {
  if (cause instanceof ProviderError) return cause.toJSON()
  if (cause instanceof Error) return { name: cause.name, message: cause.message }
  return typeof cause === 'object' && cause !== null ? String(cause) : cause
}
