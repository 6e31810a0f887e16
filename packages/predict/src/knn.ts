import type { Example } from '@dspex/primitives'
import { type EmbeddingModel, embedMany } from '@dspex/provider'
import { pythonStr } from '@dspex/types/internal'
import { KNNError } from './errors/knn-error.js'

/** Turns texts into vectors, one per text, in order (DSPy's `Embedder`). */
export type Embedder = (
  texts: string[],
  options: { readonly signal?: AbortSignal },
) => Promise<readonly (readonly number[])[]> | readonly (readonly number[])[]

/** How {@link KNN} scores a train example against the query. */
export type KNNSimilarity =
  /** Cosine similarity: the dot product of the vectors divided by their lengths. */
  | 'cosine'
  /** The plain dot product, as DSPy computes it (the same ranking for unit-length embeddings). */
  | 'dot'

/** Options of {@link KNN}. */
export interface KNNOptions {
  /** How many train examples a call returns. */
  readonly k: number
  /** The examples searched; each must have its inputs set (`withInputs`). */
  readonly trainset: readonly Example[]
  /** The embedder: a function of texts, or a provider's embedding model (called through `embedMany`). */
  readonly embedder: Embedder | EmbeddingModel
  /** How vectors are compared; `cosine` by default. */
  readonly similarity?: KNNSimilarity
}

/** Options of {@link KNN.call}. */
export interface KNNCallOptions {
  /** Cancels the embedding calls. */
  readonly signal?: AbortSignal
}

/**
 * A k-nearest-neighbours retriever over a trainset: each train example is embedded once as its
 * input fields `key: value` joined with `" | "`, the query as every given input `key: value`
 * joined the same way, and a call returns the `k` train examples most similar to the query,
 * most similar first (on equal scores the later train example comes first, as DSPy's argsort gives).
 * Train vectors are rounded to 32-bit floats as DSPy stores them.
 *
 * @example
 * ```ts
 * const knn = new KNN({ k: 3, trainset, embedder: openai.embedding('text-embedding-3-small') })
 * const nearest = await knn.call({ question: 'What is the capital of Belgium?' })
 * ```
 * @see dspy.KNN
 */
export class KNN {
  /** How many train examples a call returns. */
  readonly k: number
  /** The examples searched. */
  readonly trainset: readonly Example[]
  /** How vectors are compared. */
  readonly similarity: KNNSimilarity
  readonly #embed: Embedder
  #trainVectors: Promise<readonly (readonly number[])[]> | undefined

  /** @throws {KNNError} (`knn-invalid-k`) when `k` is not a positive integer; {@link ExampleError} when a train example has no inputs set. */
  constructor(options: KNNOptions) {
    if (!Number.isInteger(options.k) || options.k < 1) {
      throw new KNNError({ message: `KNN needs k to be a positive integer; got ${String(options.k)}.`, code: 'knn-invalid-k' })
    }
    this.k = options.k
    this.trainset = [...options.trainset]
    this.similarity = options.similarity ?? 'cosine'
    this.#embed = toEmbedder(options.embedder)
    for (const example of this.trainset) example.inputs()
  }

  /** The text a train example is embedded as: its input fields, `key: value`, joined with `" | "`. */
  static trainText(example: Example): string {
    return joinFields(example.inputs().items())
  }

  /** The text a query is embedded as: every input, `key: value`, joined with `" | "`. */
  static queryText(inputs: Readonly<Record<string, unknown>>): string {
    return joinFields(Object.entries(inputs))
  }

  /**
   * The `k` train examples nearest to `inputs`, most similar first. The trainset is embedded on
   * the first call (once, even when calls overlap).
   *
   * @throws {KNNError} (`knn-embedding-shape`) when the embedder returns the wrong number of vectors
   * or vectors of different lengths; what the embedder throws.
   */
  async call(inputs: Readonly<Record<string, unknown>>, options: KNNCallOptions = {}): Promise<Example[]> {
    const trainVectors = await this.#trainsetVectors(options.signal)
    const [query] = await embedChecked(this.#embed, [KNN.queryText(inputs)], options.signal)
    const scores = trainVectors.map((vector) => score(vector, query as readonly number[], this.similarity))
    const ascending = scores.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value)
    return ascending
      .slice(-this.k)
      .reverse()
      .map(({ index }) => this.trainset[index] as Example)
  }

  #trainsetVectors(signal: AbortSignal | undefined): Promise<readonly (readonly number[])[]> {
    if (this.#trainVectors === undefined) {
      const texts = this.trainset.map((example) => KNN.trainText(example))
      const pending = embedChecked(this.#embed, texts, signal).then((vectors) => vectors.map((vector) => vector.map(Math.fround)))
      pending.catch(() => {
        if (this.#trainVectors === pending) this.#trainVectors = undefined
      })
      this.#trainVectors = pending
    }
    return this.#trainVectors
  }
}

function joinFields(entries: readonly (readonly [string, unknown])[]): string {
  return entries.map(([key, value]) => `${key}: ${pythonStr(value)}`).join(' | ')
}

function isEmbeddingModel(embedder: Embedder | EmbeddingModel): embedder is EmbeddingModel {
  return typeof embedder === 'object' && embedder !== null && typeof embedder.embed === 'function'
}

function toEmbedder(embedder: Embedder | EmbeddingModel): Embedder {
  if (!isEmbeddingModel(embedder)) return embedder
  return async (texts, { signal }) => (await embedMany(embedder, { values: texts, ...(signal === undefined ? {} : { signal }) })).embeddings
}

async function embedChecked(embed: Embedder, texts: string[], signal: AbortSignal | undefined): Promise<readonly (readonly number[])[]> {
  if (texts.length === 0) return []
  const vectors = await embed(texts, signal === undefined ? {} : { signal })
  if (vectors.length !== texts.length) {
    throw new KNNError({ message: `The embedder returned ${vectors.length} vectors for ${texts.length} texts.`, code: 'knn-embedding-shape' })
  }
  const size = vectors[0]?.length
  if (vectors.some((vector) => vector.length !== size)) {
    throw new KNNError({ message: 'The embedder returned vectors of different lengths.', code: 'knn-embedding-shape' })
  }
  return vectors
}

function score(train: readonly number[], query: readonly number[], similarity: KNNSimilarity): number {
  if (train.length !== query.length) {
    throw new KNNError({
      message: `The query vector has ${query.length} dimensions but the train vectors have ${train.length}.`,
      code: 'knn-embedding-shape',
    })
  }
  let dot = 0
  let trainNorm = 0
  let queryNorm = 0
  for (let index = 0; index < train.length; index += 1) {
    const a = train[index] as number
    const b = query[index] as number
    dot += a * b
    trainNorm += a * a
    queryNorm += b * b
  }
  if (similarity === 'dot') return dot
  const norms = Math.sqrt(trainNorm) * Math.sqrt(queryNorm)
  return norms === 0 ? 0 : dot / norms
}
