import { DSPexError } from '@dspex/core'

/**
 * An `LM` was configured in a way that cannot work: a malformed model string, an unsupported model
 * type, options a reasoning model refuses, or a provider package that does not follow the convention.
 *
 * @see DSPy's `LMConfigurationError` (`dspy/utils/exceptions.py`).
 */
export class LMConfigurationError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.lm-configuration')
  declare readonly code: 'lm-configuration'
  /** The model string of the LM being configured. */
  readonly model: string

  constructor({ message, model, cause }: { message: string; model: string; cause?: unknown }) {
    super({ message, code: 'lm-configuration', cause })
    this.model = model
  }
}
