import { redactSecrets } from '../redact-secrets.js'
import { APICallError, type APICallErrorOptions } from './api-call-error.js'

/** Options of an {@link InvalidResponseDataError}. */
export interface InvalidResponseDataErrorOptions extends APICallErrorOptions {
  /** The raw text that could not be used: the body, one stream event's data, or one NDJSON line. */
  readonly text: string
}

/**
 * The provider answered, but with data that cannot be used: malformed JSON, or JSON that does
 * not have the expected shape. Keeps the raw `text` (secrets redacted). Not retryable by default.
 *
 * @see DSPy's `LMProviderError`, which litellm's `APIResponseValidationError` becomes in `dspy/clients/lm.py`
 */
export class InvalidResponseDataError extends APICallError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.invalid-response-data')
  static override readonly code: string = 'invalid-response-data'
  /** The stable code of this class. */
  declare readonly code: 'invalid-response-data'
  /** The raw text that could not be used. */
  readonly text: string

  constructor(options: InvalidResponseDataErrorOptions) {
    super(options)
    this.text = redactSecrets(options.text, options.secrets ?? [])
  }

  protected override defaultIsRetryable(): boolean {
    return false
  }
}
