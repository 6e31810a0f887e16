import type { LanguageModel } from '@dspex/provider'
import { describe, expectTypeOf, it } from 'vitest'
import { createEcho, type EchoProviderSettings } from './index.js'

describe('createEcho types', () => {
  it('takes optional settings and returns a provider of LanguageModels', () => {
    expectTypeOf(createEcho).parameter(0).toEqualTypeOf<EchoProviderSettings | undefined>()
    expectTypeOf(createEcho()).returns.toEqualTypeOf<LanguageModel>()
    expectTypeOf(createEcho()).parameter(0).toEqualTypeOf<string>()
  })
})
