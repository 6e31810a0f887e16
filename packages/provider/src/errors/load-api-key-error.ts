import { ConfigurationError } from './configuration-error.js'
import type { ProviderErrorOptions } from './provider-error.js'

/** Options of a {@link LoadAPIKeyError}. */
export interface LoadAPIKeyErrorOptions extends ProviderErrorOptions {
  /** The environment variable that was read (`OPENAI_API_KEY`). */
  readonly environmentVariableName?: string
}

/**
 * No usable API key: none was passed and the environment variable is unset or empty. A {@link ConfigurationError}.
 *
 * @see DSPy's `LMNotConfiguredError` in `dspy/utils/exceptions.py`
 */
export class LoadAPIKeyError extends ConfigurationError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.load-api-key')
  static override readonly code: string = 'load-api-key'
  /** The stable code of this class. */
  declare readonly code: 'load-api-key'
  /** The environment variable that was read. */
  readonly environmentVariableName?: string

  constructor(options: LoadAPIKeyErrorOptions) {
    super(options)
    if (options.environmentVariableName !== undefined) this.environmentVariableName = options.environmentVariableName
  }
}
