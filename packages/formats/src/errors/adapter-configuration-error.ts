import { DSPexError } from '@dspex/core'

/**
 * An adapter used in a way it cannot work: a `ToolCalls` output without a tool input under native
 * function calling, a model object without `generate`, or a two-step adapter asked to parse
 * without its extraction model. DSPy raises `ValueError` for these.
 */
export class AdapterConfigurationError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.adapter-configuration')
  declare readonly code: 'adapter-configuration'

  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ message, code: 'adapter-configuration', cause })
  }
}
