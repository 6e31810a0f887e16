import { ProviderError } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { TooManyEmbeddingValuesError } from './too-many-embedding-values-error.js'

describe('TooManyEmbeddingValuesError', () => {
  it('carries its fields, a stable code and the provider error markers', () => {
    const error = new TooManyEmbeddingValuesError({ provider: 'openai', modelId: 'text-embedding-3-small', maxEmbeddingsPerCall: 2, valueCount: 3 })
    expect(error.code).toBe('too-many-embedding-values')
    expect(error).toBeInstanceOf(ProviderError)
    expect(TooManyEmbeddingValuesError.isInstance(error)).toBe(true)
    expect(TooManyEmbeddingValuesError.isInstance(new ProviderError({ message: 'other' }))).toBe(false)
    expect(error).toMatchObject({ provider: 'openai', modelId: 'text-embedding-3-small', maxEmbeddingsPerCall: 2, valueCount: 3 })
    expect(error.message).toContain('at most 2 values per call, got 3')
  })
})
