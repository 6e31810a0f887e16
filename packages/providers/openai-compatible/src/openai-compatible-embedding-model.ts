import { type EmbeddingModel, type EmbedRequest, type EmbedResult, InvalidResponseDataError, type ProviderAPI } from '@dspex/provider'
import { TooManyEmbeddingValuesError } from './errors/too-many-embedding-values-error.js'
import { isOpenAICompatibleWireEmbeddings } from './openai-compatible-wire-schemas.js'

/** Per-model settings of an embedding model. */
export interface OpenAICompatibleEmbeddingSettings {
  /** The number of dimensions of each vector, for models that can shorten them (`text-embedding-3-*`). */
  readonly dimensions?: number
  /** The most values one call may carry; `undefined` (the default) sets no limit. */
  readonly maxEmbeddingsPerCall?: number
}

/** What an embedding model needs from its provider. */
export interface OpenAICompatibleEmbeddingModelConfig extends OpenAICompatibleEmbeddingSettings {
  /** The provider's name: the model's `provider` and the `providerOptions` key merged into the body. */
  readonly provider: string
  /** The provider's transport, from `createProviderAPI`. */
  readonly api: ProviderAPI
  /** The path of the endpoint, query string included; default `/embeddings`. */
  readonly path?: string
}

/**
 * An embedding model behind the standard `POST {baseURL}/embeddings` endpoint: sends `input` as a list of
 * strings with `encoding_format: 'float'` (and `dimensions` when set), and returns the vectors in input order.
 *
 * @example
 * ```ts
 * const model = new OpenAICompatibleEmbeddingModel('nomic-embed-text', { provider: 'lmstudio', api })
 * const { embeddings } = await model.embed({ values: ['sunny day', 'rainy day'] })
 * ```
 * @see DSPy's `dspy.Embedder`
 */
export class OpenAICompatibleEmbeddingModel implements EmbeddingModel {
  /** The version of the embedding-model interface this class implements. */
  readonly specificationVersion = 'v1' as const
  /** The provider's name. */
  readonly provider: string
  /** The model id sent as `model`. */
  readonly modelId: string
  /** The most values one call may carry, or `undefined` for no limit. */
  readonly maxEmbeddingsPerCall: number | undefined
  readonly #config: OpenAICompatibleEmbeddingModelConfig

  /**
   * @param modelId - The embedding model's id (`text-embedding-3-small`).
   * @param config - The provider's name and transport, dimensions and the per-call limit.
   */
  constructor(modelId: string, config: OpenAICompatibleEmbeddingModelConfig) {
    this.modelId = modelId
    this.provider = config.provider
    this.maxEmbeddingsPerCall = config.maxEmbeddingsPerCall
    this.#config = config
  }

  /**
   * Embeds `request.values`, one vector each, in order.
   *
   * @throws TooManyEmbeddingValuesError before any request when the values exceed `maxEmbeddingsPerCall`.
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the reply has the wrong
   * shape or a different number of vectors.
   */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    const limit = this.maxEmbeddingsPerCall
    if (limit !== undefined && request.values.length > limit) {
      throw new TooManyEmbeddingValuesError({
        provider: this.provider,
        modelId: this.modelId,
        maxEmbeddingsPerCall: limit,
        valueCount: request.values.length,
      })
    }
    const body = {
      model: this.modelId,
      input: request.values,
      encoding_format: 'float',
      ...(this.#config.dimensions === undefined ? {} : { dimensions: this.#config.dimensions }),
      ...request.providerOptions?.[this.provider],
    }
    const call = { signal: request.signal, headers: request.headers }
    const { value } = await this.#config.api.postJSON(this.#config.path ?? '/embeddings', body, call, isOpenAICompatibleWireEmbeddings)
    const embeddings = value.data
      .map((item, position) => ({ index: item.index ?? position, embedding: item.embedding }))
      .sort((a, b) => a.index - b.index)
      .map((item) => item.embedding)
    if (embeddings.length !== request.values.length) {
      throw new InvalidResponseDataError({
        provider: this.provider,
        message: `${this.provider} returned ${embeddings.length} embeddings for ${request.values.length} values.`,
        text: JSON.stringify(value),
      })
    }
    const usage = value.usage
    return {
      embeddings,
      ...(usage ? { usage: { promptTokens: usage.prompt_tokens, completionTokens: 0, totalTokens: usage.total_tokens ?? usage.prompt_tokens } } : {}),
      raw: value,
    }
  }
}
