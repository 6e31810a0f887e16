import { DSPexError } from '@dspex/core'
import { redactCause, redactSecrets } from '../redact-secrets.js'

/** Options every provider error takes. */
export interface ProviderErrorOptions {
  /** What was wrong and where. Secrets listed in `secrets` are redacted from it. */
  readonly message: string
  /** The underlying error, if any (redacted when its message contains a secret). */
  readonly cause?: unknown
  /** Values (API keys, tokens) that must never appear in the error; they are not stored. */
  readonly secrets?: readonly (string | undefined)[] | undefined
}

/**
 * The root of every error `@dspex/provider` and provider packages throw, a {@link DSPexError} following its rule: each
 * class declares its own marker (`Symbol.for('dspex.provider.error.<kebab-name>')`), `isInstance` and `instanceof` check
 * the marker of the class they are called on (never true for a base or a sibling, and across duplicated copies of the
 * package), `toJSON` gives a plain, secret-free object, and an uncaught throw prints `Name [code]: message`.
 *
 * Provider errors differ from the other DSPex errors in one way: a class has one code, declared as its static `code`
 * (every class declares its own; constructing one that does not throws a `TypeError`), so the constructor options
 * take no code. Every text and the cause are redacted of the `secrets` given.
 *
 * @see DSPy's `LMError` in `dspy/utils/exceptions.py` (the package README maps each DSPy class to ours)
 * @example
 * ```ts
 * try { await model.generate(request) } catch (error) {
 *   if (RateLimitError.isInstance(error)) await sleep(error.retryAfterMs ?? 1000)
 * }
 * ```
 */
export class ProviderError extends DSPexError {
  /** The marker of this class; each subclass declares its own. */
  static override readonly marker: symbol = Symbol.for('dspex.provider.error')
  /** The stable code of this class; each subclass declares its own. */
  static readonly code: string = 'provider'

  /** @throws TypeError when the class declares no static `code` or no marker of its own. */
  constructor({ message, cause, secrets = [] }: ProviderErrorOptions) {
    const code: unknown = Object.hasOwn(new.target, 'code') ? (new.target as unknown as { code: unknown }).code : undefined
    if (typeof code !== 'string') {
      throw new TypeError(`${new.target.name} declares no code of its own: add \`static override readonly code: string = '<kebab-name>'\` to it.`)
    }
    super({ message: redactSecrets(message, secrets), code, cause: redactCause(cause, secrets) })
  }
}
