import type { EmbeddingModel, EmbedResult, LanguageModel } from '@dspex/provider'
import { expectTypeOf, test } from 'vitest'
import { createOllama, type OllamaProvider, ollama } from './index.js'

test('the provider is callable and returns a LanguageModel and an embedding model', () => {
  expectTypeOf(createOllama).returns.toEqualTypeOf<OllamaProvider>()
  expectTypeOf(ollama('llama3.2')).toEqualTypeOf<LanguageModel>()
  expectTypeOf(ollama.languageModel('qwen3:8b')).toEqualTypeOf<LanguageModel>()
  expectTypeOf(ollama.embedding('all-minilm')).toEqualTypeOf<EmbeddingModel>()
  expectTypeOf(ollama.embedding('all-minilm', { dimensions: 256 })).toMatchTypeOf<EmbeddingModel>()
  expectTypeOf(ollama.embedding('all-minilm').embed).returns.toEqualTypeOf<Promise<EmbedResult>>()
  // @ts-expect-error a model id is a string
  ollama(42)
})
