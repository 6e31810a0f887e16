import { parseRetryAfter } from '../parse-retry-after.js'
import { redactSecrets, redactValue } from '../redact-secrets.js'
import { ProviderError, type ProviderErrorOptions } from './provider-error.js'

/** Options of an {@link APICallError}; subclasses take the same. */
export interface APICallErrorOptions extends ProviderErrorOptions {
  /** The URL that was called (secrets redacted). */
  readonly url?: string | undefined
  /** The HTTP status, when a response arrived. */
  readonly statusCode?: number | undefined
  /** The response headers, lower-cased (secret values redacted). */
  readonly responseHeaders?: Readonly<Record<string, string>> | undefined
  /** The response body as text (secrets redacted). */
  readonly responseBody?: string | undefined
  /**
   * Whether the same call may succeed later. Defaults from the class, as DSPy's `is_retryable_lm_error` decides:
   * {@link RateLimitError}, {@link TimeoutError}, {@link ServerError} and {@link NetworkError} are retryable, every
   * other class (this one included) is not. Set it only to overrule the class.
   */
  readonly isRetryable?: boolean | undefined
  /** How long the provider asked to wait before retrying; defaults from `retry-after-ms` / `retry-after`. */
  readonly retryAfterMs?: number | undefined
  /** The provider's name (`openai`, `anthropic`...). */
  readonly provider?: string | undefined
  /** The request body that was sent, for debugging (secrets redacted). */
  readonly requestBodyValues?: unknown
  /** The provider's parsed error payload, when it sent one. */
  readonly data?: unknown
}

/**
 * A call to a provider's API failed: the root of every failure a provider package reports.
 * It says where (`url`, `provider`), what came back (`statusCode`, `responseHeaders`,
 * `responseBody`, `data`) and whether a retry may help (`isRetryable`, `retryAfterMs`). Built directly, it is a failure
 * no subclass describes, never retryable by default; {@link createAPICallError} picks the subclass for a status.
 * Every text field is redacted of the `secrets` given to the constructor. `responseHeaders`, `requestBodyValues` and
 * `data` are non-enumerable (so an uncaught throw does not print a whole request), but `toJSON` and `util.inspect` show them.
 *
 * @see DSPy's `LMProviderError` in `dspy/utils/exceptions.py`
 * @example
 * ```ts
 * throw new APICallError({ message: 'The stream sent an unknown event.', url, responseBody: text, provider: 'acme' })
 * ```
 */
export class APICallError extends ProviderError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.api-call')
  /** The stable code of this class. */
  static override readonly code: string = 'api-call'
  /** The URL that was called, if known. */
  readonly url?: string
  /** The HTTP status, when a response arrived. */
  readonly statusCode?: number
  /** The response headers, lower-cased. */
  declare readonly responseHeaders?: Readonly<Record<string, string>>
  /** The response body as text. */
  readonly responseBody?: string
  /** Whether the same call may succeed later. */
  readonly isRetryable: boolean
  /** How long to wait before retrying, when the provider said so. */
  readonly retryAfterMs?: number
  /** The provider's name. */
  readonly provider?: string
  /** The request body that was sent. */
  declare readonly requestBodyValues?: unknown
  /** The provider's parsed error payload. */
  declare readonly data?: unknown

  constructor(options: APICallErrorOptions) {
    super(options)
    const secrets = options.secrets ?? []
    const headers = options.responseHeaders
    if (options.url !== undefined) this.url = redactSecrets(options.url, secrets)
    if (options.statusCode !== undefined) this.statusCode = options.statusCode
    if (headers !== undefined) this.setLargeField('responseHeaders', redactValue({ ...headers }, secrets))
    if (options.responseBody !== undefined) this.responseBody = redactSecrets(options.responseBody, secrets)
    this.isRetryable = options.isRetryable ?? this.defaultIsRetryable()
    const retryAfterMs = options.retryAfterMs ?? (headers === undefined ? undefined : parseRetryAfter(headers))
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs
    if (options.provider !== undefined) this.provider = options.provider
    if (options.requestBodyValues !== undefined) this.setLargeField('requestBodyValues', redactValue(options.requestBodyValues, secrets))
    if (options.data !== undefined) this.setLargeField('data', redactValue(options.data, secrets))
  }

  /** The retryable flag used when the options give none: false here; the retryable subclasses override it. */
  protected defaultIsRetryable(): boolean {
    return false
  }
}
