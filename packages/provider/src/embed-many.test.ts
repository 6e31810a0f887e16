import { describe, expect, it } from 'vitest'
import { embedMany } from './embed-many.js'
import type { EmbeddingModel, EmbedRequest } from './language-model/embedding-model.js'

function lengthEmbedder(maxEmbeddingsPerCall: number | undefined): EmbeddingModel & { calls: string[][] } {
  const calls: string[][] = []
  return {
    specificationVersion: 'v1',
    provider: 'test',
    modelId: 'length',
    maxEmbeddingsPerCall,
    calls,
    async embed(request: EmbedRequest) {
      calls.push([...request.values])
      const tokens = request.values.length
      return {
        embeddings: request.values.map((value) => [value.length]),
        usage: { promptTokens: tokens, completionTokens: 0, totalTokens: tokens },
      }
    },
  }
}

describe('embedMany', () => {
  it('splits values into calls of at most maxEmbeddingsPerCall and keeps input order', async () => {
    const model = lengthEmbedder(2)
    const result = await embedMany(model, { values: ['a', 'bb', 'ccc', 'dddd', 'eeeee'] })
    expect(model.calls).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']])
    expect(result.embeddings).toEqual([[1], [2], [3], [4], [5]])
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 0, totalTokens: 5 })
  })

  it('makes one call when the model has no limit', async () => {
    const model = lengthEmbedder(undefined)
    await embedMany(model, { values: ['a', 'b', 'c'] })
    expect(model.calls).toHaveLength(1)
  })
})
