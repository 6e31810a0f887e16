import { DSPexError } from '@dspex/core'

/**
 * A saved LM state (DSPy's `dump_state` layout) that cannot be loaded: not an object, no model
 * string, a custom LM class DSPex refuses to import, or a setting of the wrong type
 * (`temperature: "hot"`, `num_retries: "x"`, `model_type: "responses"`), named by {@link LMStateError.key}.
 */
export class LMStateError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.lm-state')
  declare readonly code: 'lm-state'
  /** The key of the state that was wrong (`model`, `_dspy_lm_class`, `temperature`), or `''` for the whole state. */
  readonly key: string

  constructor({ message, key, cause }: { message: string; key: string; cause?: unknown }) {
    super({ message, code: 'lm-state', cause })
    this.key = key
  }
}
