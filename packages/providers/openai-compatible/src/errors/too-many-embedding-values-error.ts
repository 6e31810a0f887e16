import { ProviderError } from '@dspex/provider'

/** Options of {@link TooManyEmbeddingValuesError}. */
export interface TooManyEmbeddingValuesErrorOptions {
  /** The provider's name. */
  readonly provider: string
  /** The embedding model's id. */
  readonly modelId: string
  /** The most values one call may carry. */
  readonly maxEmbeddingsPerCall: number
  /** How many values the call carried. */
  readonly valueCount: number
}

/**
 * Thrown before any request when one `embed` call carries more values than the model takes per call; split the
 * values with `embedMany` from `@dspex/provider`, which batches by `maxEmbeddingsPerCall`.
 */
export class TooManyEmbeddingValuesError extends ProviderError {
  /** The marker of this class. */
  static override readonly marker: symbol = Symbol.for('dspex.provider.error.too-many-embedding-values')
  /** The stable code of this class. */
  static override readonly code: string = 'too-many-embedding-values'
  /** The stable code of this class. */
  declare readonly code: 'too-many-embedding-values'
  /** The provider's name. */
  readonly provider: string
  /** The embedding model's id. */
  readonly modelId: string
  /** The most values one call may carry. */
  readonly maxEmbeddingsPerCall: number
  /** How many values the call carried. */
  readonly valueCount: number

  constructor(options: TooManyEmbeddingValuesErrorOptions) {
    super({
      message: `${options.provider} embedding model ${options.modelId} takes at most ${options.maxEmbeddingsPerCall} values per call, got ${options.valueCount}; use embedMany to split them.`,
    })
    this.provider = options.provider
    this.modelId = options.modelId
    this.maxEmbeddingsPerCall = options.maxEmbeddingsPerCall
    this.valueCount = options.valueCount
  }
}
