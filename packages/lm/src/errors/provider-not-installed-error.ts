import { DSPexError } from '@dspex/core'

/**
 * A `"provider/model"` string names a provider that is neither registered with `registerProvider`
 * nor installed as the package `@dspex/<provider>`.
 */
export class ProviderNotInstalledError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.provider-not-installed')
  declare readonly code: 'provider-not-installed'
  /** The provider part of the model string (`openai`). */
  readonly provider: string
  /** The package that would provide it (`@dspex/openai`). */
  readonly packageName: string

  constructor({
    message,
    provider,
    packageName,
    cause,
  }: {
    message: string
    provider: string
    packageName: string
    cause?: unknown
  }) {
    super({ message, code: 'provider-not-installed', cause })
    this.provider = provider
    this.packageName = packageName
  }
}
