import { ProviderError } from './provider-error.js'

/**
 * A provider or model is not configured correctly, found before any call is made: the base class of
 * {@link LoadAPIKeyError} (no API key) and of a provider package's own configuration errors. Never retried.
 *
 * @see DSPy's `LMConfigurationError` in `dspy/utils/exceptions.py`
 */
export class ConfigurationError extends ProviderError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.configuration')
  static override readonly code: string = 'configuration'
}
