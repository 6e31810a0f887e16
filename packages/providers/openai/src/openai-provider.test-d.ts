import type { LanguageModel } from '@dspex/provider'
import { expectTypeOf, test } from 'vitest'
import { createOpenAI, type OpenAIProvider, openai } from './index.js'

test('the provider is callable and returns a LanguageModel', () => {
  expectTypeOf(createOpenAI).returns.toEqualTypeOf<OpenAIProvider>()
  expectTypeOf(openai('gpt-4o-mini')).toEqualTypeOf<LanguageModel>()
  expectTypeOf(openai.languageModel('any-compatible-model')).toEqualTypeOf<LanguageModel>()
  expectTypeOf(createOpenAI).parameter(0).toEqualTypeOf<Parameters<typeof createOpenAI>[0]>()
  // @ts-expect-error a model id is a string
  openai(42)
})
