import { combineHeaders, InvalidResponseDataError, postJsonToApi, retryWithExponentialBackoff } from '@dspex/provider'
import { mapOllamaError } from './ollama-error.js'
import type { OllamaModelConfig } from './ollama-model-config.js'
import { isOllamaWireEmbedResponse } from './ollama-wire-schemas.js'

/** Options of {@link OllamaEmbeddingModel.embed}. */
export interface OllamaEmbedOptions {
  readonly signal?: AbortSignal
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * An embedding model served by Ollama (`POST {baseURL}/api/embed`): one vector per input text, in order.
 *
 * @see DSPy's `dspy.Embedder('ollama/...')`
 */
export class OllamaEmbeddingModel {
  readonly provider = 'ollama'
  readonly modelId: string
  readonly #config: OllamaModelConfig

  constructor(modelId: string, config: OllamaModelConfig) {
    this.modelId = modelId
    this.#config = config
  }

  /**
   * Embeds `texts` in one call.
   *
   * @throws APICallError (or a subclass) on any failure; InvalidResponseDataError when the number of vectors
   *   differs from the number of texts.
   * @example
   * ```ts
   * const [vector] = await ollama.embedding('all-minilm').embed(['Why is the sky blue?'])
   * ```
   */
  async embed(texts: readonly string[], options: OllamaEmbedOptions = {}): Promise<number[][]> {
    if (texts.length === 0) return []
    const config = this.#config
    const url = `${config.baseURL()}/api/embed`
    const { value } = await retryWithExponentialBackoff(
      () =>
        postJsonToApi({
          url,
          headers: combineHeaders(config.headers(), options.headers),
          body: { model: this.modelId, input: [...texts] },
          provider: 'ollama',
          mapError: mapOllamaError,
          validate: isOllamaWireEmbedResponse,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
          ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
        }),
      { maxRetries: config.maxRetries, ...(options.signal === undefined ? {} : { signal: options.signal }) },
    )
    if (value.embeddings.length !== texts.length) {
      throw new InvalidResponseDataError({
        message: `ollama returned ${value.embeddings.length} embeddings for ${texts.length} texts.`,
        url,
        provider: 'ollama',
        text: JSON.stringify(value).slice(0, 1000),
      })
    }
    return value.embeddings.map((embedding) => [...embedding])
  }
}
