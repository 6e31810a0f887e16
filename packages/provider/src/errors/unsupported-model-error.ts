import type { APICallErrorOptions } from './api-call-error.js'
import { InvalidRequestError } from './invalid-request-error.js'

/**
 * The requested model is unknown to the provider or not available to the caller (HTTP 404, Ollama's model not
 * pulled). Never retryable; the status defaults to 404.
 *
 * @see DSPy's `LMUnsupportedModelError` in `dspy/utils/exceptions.py`
 */
export class UnsupportedModelError extends InvalidRequestError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.unsupported-model')
  static override readonly code: string = 'unsupported-model'
  /** The stable code of this class. */
  declare readonly code: 'unsupported-model'

  constructor(options: APICallErrorOptions) {
    super({ ...options, statusCode: options.statusCode ?? 404 })
  }
}
