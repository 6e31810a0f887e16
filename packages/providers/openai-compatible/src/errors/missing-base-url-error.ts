import { ConfigurationError } from '@dspex/provider'
import { openaiCompatibleServers } from '../openai-compatible-servers.js'

/** Options of {@link MissingBaseURLError}. */
export interface MissingBaseURLErrorOptions {
  /** The provider name that was given. */
  readonly provider: string
}

/** Thrown by `createOpenAICompatible` when there is no `baseURL` and the name is not a known service: a `ConfigurationError`. */
export class MissingBaseURLError extends ConfigurationError {
  /** The marker of this class. */
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.missing-base-url')
  /** The stable code of this class. */
  static override readonly code: string = 'missing-base-url'
  /** The stable code of this class. */
  declare readonly code: 'missing-base-url'
  /** The provider name that was given. */
  readonly provider: string

  constructor(options: MissingBaseURLErrorOptions) {
    super({
      message: `createOpenAICompatible({ name: ${JSON.stringify(options.provider)} }) needs a baseURL: ${JSON.stringify(options.provider)} is not a known service (known: ${Object.keys(openaiCompatibleServers).join(', ')}).`,
    })
    this.provider = options.provider
  }
}
