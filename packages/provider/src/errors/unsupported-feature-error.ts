import { ProviderError, type ProviderErrorOptions } from './provider-error.js'

/** Options of an {@link UnsupportedFeatureError}. */
export interface UnsupportedFeatureErrorOptions extends ProviderErrorOptions {
  /** The features asked for that the model or provider lacks (`structured-outputs`, `images`, `tool-calling`). */
  readonly features?: readonly string[]
  /** Why each could not be used, when known. */
  readonly issues?: readonly string[]
}

/**
 * The model, the provider or its DSPex package cannot do what the request asks (structured outputs, a media type,
 * fine-tuning), found before or instead of a call. Never retried.
 *
 * @see DSPy's `LMUnsupportedFeatureError` in `dspy/utils/exceptions.py`
 * @example
 * ```ts
 * throw new UnsupportedFeatureError({ message: 'acme-1 cannot read images.', features: ['images'] })
 * ```
 */
export class UnsupportedFeatureError extends ProviderError {
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.unsupported-feature')
  static override readonly code: string = 'unsupported-feature'
  /** The stable code of this class. */
  declare readonly code: 'unsupported-feature'
  /** The features asked for that are unavailable. */
  readonly features: readonly string[]
  /** Why they could not be used. */
  readonly issues: readonly string[]

  constructor(options: UnsupportedFeatureErrorOptions) {
    super(options)
    this.features = [...(options.features ?? [])]
    this.issues = [...(options.issues ?? [])]
  }
}
