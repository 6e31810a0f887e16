import { type EmbeddingModel, type EmbedRequest, type EmbedResult, InvalidResponseDataError, type ProviderAPI } from '@dspex/provider'
import { isGoogleBatchEmbedContentsResponse, isGoogleEmbedContentResponse } from './google-wire-schemas.js'

/** Gemini's text embedding models; any other id is passed on as it is. */
export type GoogleEmbeddingModelId = 'gemini-embedding-001' | 'text-embedding-004' | (string & {})

/** What the embeddings will be used for, so the model can tune them (`taskType`). */
export type GoogleEmbeddingTaskType =
  | 'SEMANTIC_SIMILARITY'
  | 'CLASSIFICATION'
  | 'CLUSTERING'
  | 'RETRIEVAL_DOCUMENT'
  | 'RETRIEVAL_QUERY'
  | 'QUESTION_ANSWERING'
  | 'FACT_VERIFICATION'
  | 'CODE_RETRIEVAL_QUERY'

/** Settings of `google.embedding(modelId, settings)`; `providerOptions.google` may override both per call. */
export interface GoogleEmbeddingSettings {
  /** Truncates each vector to this many dimensions (`gemini-embedding-001`: 768, 1536 or 3072). */
  readonly outputDimensionality?: number
  /** What the embeddings are for. */
  readonly taskType?: GoogleEmbeddingTaskType
}

/** What a Gemini embedding model needs from its provider. */
export interface GoogleEmbeddingModelConfig {
  /** The provider's transport: base URL, `x-goog-api-key` header, errors, retries, time limit, fetch. */
  readonly api: ProviderAPI
}

/** The most texts one `batchEmbedContents` call accepts. */
export const googleMaxEmbeddingsPerCall = 100

function readSettings(defaults: GoogleEmbeddingSettings, request: EmbedRequest): GoogleEmbeddingSettings {
  const options = request.providerOptions?.google ?? {}
  const taskType = typeof options.taskType === 'string' ? (options.taskType as GoogleEmbeddingTaskType) : defaults.taskType
  const dimensions = typeof options.outputDimensionality === 'number' ? options.outputDimensionality : defaults.outputDimensionality
  return {
    ...(taskType === undefined ? {} : { taskType }),
    ...(dimensions === undefined ? {} : { outputDimensionality: dimensions }),
  }
}

/**
 * One Gemini embedding model, as `google.embedding(modelId, settings)` builds it. One value posts to
 * `models/{id}:embedContent`; several post to `models/{id}:batchEmbedContents` (at most 100 per call;
 * `embedMany` splits more). Gemini reports no token usage for embeddings.
 *
 * @example
 * ```ts
 * const model = google.embedding('gemini-embedding-001', { outputDimensionality: 768 })
 * const { embeddings } = await model.embed({ values: ['sunny day', 'rainy day'] })
 * ```
 */
export class GoogleGenerativeAIEmbeddingModel implements EmbeddingModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'google'
  readonly modelId: string
  readonly maxEmbeddingsPerCall: number = googleMaxEmbeddingsPerCall
  readonly #settings: GoogleEmbeddingSettings
  readonly #config: GoogleEmbeddingModelConfig
  readonly #modelPath: string

  /**
   * @param modelId - The model id (`gemini-embedding-001`), with or without the `models/` prefix.
   * @param settings - The default `taskType` and `outputDimensionality`.
   * @param config - The provider's transport.
   */
  constructor(modelId: GoogleEmbeddingModelId, settings: GoogleEmbeddingSettings, config: GoogleEmbeddingModelConfig) {
    this.modelId = modelId
    this.#settings = settings
    this.#config = config
    this.#modelPath = modelId.startsWith('models/') || modelId.startsWith('tunedModels/') ? modelId : `models/${modelId}`
  }

  /**
   * Embeds `request.values`, one vector per value in order. `providerOptions.google` may override `taskType`
   * and `outputDimensionality`.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the reply has not one vector per value.
   */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    if (request.values.length === 0) return { embeddings: [] }
    const modelPath = this.#modelPath
    const options = readSettings(this.#settings, request)
    const call = { signal: request.signal, headers: request.headers }
    const content = (text: string) => ({ content: { parts: [{ text }] }, ...options })
    if (request.values.length === 1) {
      const body = content(request.values[0] ?? '')
      const { value } = await this.#config.api.postJSON(`/${modelPath}:embedContent`, body, call, isGoogleEmbedContentResponse)
      return { embeddings: [[...value.embedding.values]], raw: value }
    }
    const body = { requests: request.values.map((text) => ({ model: modelPath, ...content(text) })) }
    const path = `/${modelPath}:batchEmbedContents`
    const { value } = await this.#config.api.postJSON(path, body, call, isGoogleBatchEmbedContentsResponse)
    if (value.embeddings.length !== request.values.length) {
      throw new InvalidResponseDataError({
        message: `google returned ${value.embeddings.length} embeddings for ${request.values.length} values.`,
        url: path,
        provider: 'google',
        text: JSON.stringify(value).slice(0, 1000),
      })
    }
    return { embeddings: value.embeddings.map((embedding) => [...embedding.values]), raw: value }
  }
}
