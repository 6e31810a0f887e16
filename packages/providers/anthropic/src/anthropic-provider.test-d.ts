import type { LanguageModel } from '@dspex/provider'
import { describe, expectTypeOf, it } from 'vitest'
import { type AnthropicProvider, type AnthropicProviderSettings, anthropic, createAnthropic } from './anthropic-provider.js'

describe('anthropic provider types', () => {
  it('is callable and returns a LanguageModel', () => {
    expectTypeOf(createAnthropic).returns.toEqualTypeOf<AnthropicProvider>()
    expectTypeOf(anthropic('claude-sonnet-4-5')).toEqualTypeOf<LanguageModel>()
    expectTypeOf(anthropic.languageModel).parameters.toEqualTypeOf<[string]>()
  })

  it('takes only known settings', () => {
    // @ts-expect-error: apiKey must be a string
    createAnthropic({ apiKey: 1 })
    expectTypeOf(createAnthropic).parameter(0).toEqualTypeOf<AnthropicProviderSettings | undefined>()
  })
})
