import type { EmbeddingModel, LanguageModel } from '@dspex/provider'
import { describe, expectTypeOf, it } from 'vitest'
import { createGoogle, type GoogleProvider, type GoogleProviderSettings, google } from './google-provider.js'

describe('google provider types', () => {
  it('is callable and returns a LanguageModel', () => {
    expectTypeOf(createGoogle).returns.toEqualTypeOf<GoogleProvider>()
    expectTypeOf(google('gemini-2.5-flash')).toEqualTypeOf<LanguageModel>()
    expectTypeOf(google.languageModel).parameters.toEqualTypeOf<[string]>()
  })

  it('makes embedding models with typed settings', () => {
    expectTypeOf(google.embedding('gemini-embedding-001', { outputDimensionality: 768 })).toEqualTypeOf<EmbeddingModel>()
    // @ts-expect-error: taskType is one of Gemini's task types
    google.embedding('text-embedding-004', { taskType: 'SEARCH' })
  })

  it('takes only known settings', () => {
    // @ts-expect-error: apiKey must be a string
    createGoogle({ apiKey: 1 })
    expectTypeOf(createGoogle).parameter(0).toEqualTypeOf<GoogleProviderSettings | undefined>()
  })
})
