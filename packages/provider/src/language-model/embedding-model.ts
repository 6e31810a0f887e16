import type { Usage } from './language-model.js'

/** One call to an embedding model: the texts to embed, in order. */
export interface EmbedRequest {
  /** The texts; the result has one vector per text, in the same order. */
  readonly values: readonly string[]
  /** Provider-specific options, keyed by provider name (`{ google: { taskType: 'RETRIEVAL_QUERY' } }`). */
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** Headers for this call only. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined
}

/** What an embedding model returns. */
export interface EmbedResult {
  /** One vector per input value, in input order. */
  readonly embeddings: readonly (readonly number[])[]
  /** Token usage, when the provider reports it (prompt tokens only). */
  readonly usage?: Usage
  /** The provider's response body, for debugging. */
  readonly raw?: unknown
}

/**
 * A text embedding model, as every provider package implements it. `embed` honours `request.signal`
 * and throws an `APICallError` (or subclass) on any failure. Callers split inputs into batches of at
 * most `maxEmbeddingsPerCall`.
 */
export interface EmbeddingModel {
  /** The version of this interface the model implements. */
  readonly specificationVersion: 'v1'
  /** The provider's name (`openai`, `google`, `ollama`...). */
  readonly provider: string
  /** The model's id at the provider. */
  readonly modelId: string
  /** The most values one call may carry; `undefined` when the provider sets no limit. */
  readonly maxEmbeddingsPerCall: number | undefined
  /** Embeds `request.values`, one vector each, in order. */
  embed(request: EmbedRequest): Promise<EmbedResult>
}
