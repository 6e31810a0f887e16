import type { EmbeddingModel, EmbedRequest, EmbedResult } from './language-model/embedding-model.js'
import type { Usage } from './language-model/language-model.js'

/**
 * Embeds any number of values with `model`, splitting them into calls of at most
 * `model.maxEmbeddingsPerCall` values that run one after another, and joins the vectors in input
 * order with the usage summed.
 *
 * @example
 * ```ts
 * const { embeddings } = await embedMany(openai.embedding('text-embedding-3-small'), { values: passages })
 * ```
 */
export async function embedMany(model: EmbeddingModel, request: EmbedRequest): Promise<EmbedResult> {
  const limit = model.maxEmbeddingsPerCall ?? request.values.length
  if (request.values.length <= limit) return model.embed(request)
  const embeddings: (readonly number[])[] = []
  const raw: unknown[] = []
  let usage: Usage | undefined
  for (let start = 0; start < request.values.length; start += limit) {
    const result = await model.embed({ ...request, values: request.values.slice(start, start + limit) })
    embeddings.push(...result.embeddings)
    raw.push(result.raw)
    if (result.usage !== undefined) usage = addUsage(usage, result.usage)
  }
  return { embeddings, raw, ...(usage === undefined ? {} : { usage }) }
}

function addUsage(total: Usage | undefined, more: Usage): Usage {
  if (total === undefined) return more
  return {
    promptTokens: total.promptTokens + more.promptTokens,
    completionTokens: total.completionTokens + more.completionTokens,
    totalTokens: total.totalTokens + more.totalTokens,
  }
}
