import { type EmbeddingModel, type EmbedRequest, type EmbedResult, InvalidResponseDataError } from '@dspex/provider'
import type { OllamaModelConfig } from './ollama-model-config.js'
import { isOllamaWireEmbedResponse } from './ollama-wire-schemas.js'

/** Settings of `ollama.embedding(modelId, settings)`; `providerOptions.ollama` may override each per call. */
export interface OllamaEmbeddingSettings {
  /** Whether Ollama cuts inputs longer than the context window (its default) instead of failing. */
  readonly truncate?: boolean
  /** Shortens each vector to this many dimensions (models that support it). */
  readonly dimensions?: number
  /** How long the model stays loaded after the call (`5m`, `0` to unload, or seconds). */
  readonly keepAlive?: string | number
}

const readOption = <Value>(options: Readonly<Record<string, unknown>>, name: string, check: (value: unknown) => value is Value) =>
  check(options[name]) ? options[name] : undefined
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isNumber = (value: unknown): value is number => typeof value === 'number'
const isDuration = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number'

/**
 * An embedding model served by Ollama (`POST {baseURL}/api/embed`): one vector per value, in order, with the
 * prompt tokens (`prompt_eval_count`) as usage. Ollama sets no limit on values per call.
 *
 * @see DSPy's `dspy.Embedder('ollama/...')`
 */
export class OllamaEmbeddingModel implements EmbeddingModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'ollama'
  readonly modelId: string
  readonly maxEmbeddingsPerCall: number | undefined = undefined
  readonly #settings: OllamaEmbeddingSettings
  readonly #config: OllamaModelConfig

  constructor(modelId: string, settings: OllamaEmbeddingSettings, config: OllamaModelConfig) {
    this.modelId = modelId
    this.#settings = settings
    this.#config = config
  }

  /**
   * Embeds `request.values` in one call. `providerOptions.ollama` takes `truncate`, `dimensions` and `keep_alive`.
   *
   * @throws APICallError (or a subclass) on any failure: NetworkError when Ollama is not running, a 404 when the
   *   model is not pulled; InvalidResponseDataError when the number of vectors differs from the number of values.
   * @example
   * ```ts
   * const { embeddings } = await ollama.embedding('all-minilm').embed({ values: ['Why is the sky blue?'] })
   * ```
   */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    if (request.values.length === 0) return { embeddings: [] }
    const options = request.providerOptions?.ollama ?? {}
    const truncate = readOption(options, 'truncate', isBoolean) ?? this.#settings.truncate
    const dimensions = readOption(options, 'dimensions', isNumber) ?? this.#settings.dimensions
    const keepAlive = readOption(options, 'keep_alive', isDuration) ?? this.#settings.keepAlive
    const body = {
      model: this.modelId,
      input: [...request.values],
      ...(truncate === undefined ? {} : { truncate }),
      ...(dimensions === undefined ? {} : { dimensions }),
      ...(keepAlive === undefined ? {} : { keep_alive: keepAlive }),
    }
    const call = { signal: request.signal, headers: request.headers }
    const { value } = await this.#config.api.postJSON('/api/embed', body, call, isOllamaWireEmbedResponse)
    if (value.embeddings.length !== request.values.length) {
      throw new InvalidResponseDataError({
        message: `ollama returned ${value.embeddings.length} embeddings for ${request.values.length} values.`,
        url: '/api/embed',
        provider: 'ollama',
        text: JSON.stringify(value).slice(0, 1000),
      })
    }
    const promptTokens = value.prompt_eval_count
    return {
      embeddings: value.embeddings.map((embedding) => [...embedding]),
      ...(promptTokens === undefined ? {} : { usage: { promptTokens, completionTokens: 0, totalTokens: promptTokens } }),
      raw: value,
    }
  }
}
