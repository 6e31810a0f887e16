import type { LanguageModel } from '@dspex/provider'
import { describe, expectTypeOf, it } from 'vitest'
import { createGoogle, type GoogleProvider, type GoogleProviderSettings, google } from './google-provider.js'

describe('google provider types', () => {
  it('is callable and returns a LanguageModel', () => {
    expectTypeOf(createGoogle).returns.toEqualTypeOf<GoogleProvider>()
    expectTypeOf(google('gemini-2.5-flash')).toEqualTypeOf<LanguageModel>()
    expectTypeOf(google.languageModel).parameters.toEqualTypeOf<[string]>()
  })

  it('takes only known settings', () => {
    // @ts-expect-error: apiKey must be a string
    createGoogle({ apiKey: 1 })
    expectTypeOf(createGoogle).parameter(0).toEqualTypeOf<GoogleProviderSettings | undefined>()
  })
})
