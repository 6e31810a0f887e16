import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link KNNError} reports. */
export type KNNErrorCode =
  /** `k` is not a positive integer. */
  | 'knn-invalid-k'
  /** The embedder returned another number of vectors than texts, or vectors of different lengths. */
  | 'knn-embedding-shape'

/**
 * A KNN retriever that cannot run: a bad `k`, or an embedder whose vectors do not match the texts.
 *
 * @see dspy.KNN
 */
export class KNNError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.knn')
  declare readonly code: KNNErrorCode

  constructor(options: { message: string; code: KNNErrorCode; cause?: unknown }) {
    super(options)
  }
}
