import { LM } from '@dspex/lm'
import { startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'

const cases = [
  { model: 'openai/gpt-4o-mini', protocol: 'openai', provider: 'openai' },
  { model: 'anthropic/claude-sonnet-4-5', protocol: 'anthropic', provider: 'anthropic' },
  { model: 'google/gemini-2.5-flash', protocol: 'gemini', provider: 'google' },
  { model: 'gemini/gemini-2.5-flash', protocol: 'gemini', provider: 'google' },
  { model: 'ollama/llama3.2', protocol: 'ollama', provider: 'ollama' },
  { model: 'groq/llama-3.3-70b-versatile', protocol: 'openai', provider: 'groq' },
  { model: 'deepseek/deepseek-chat', protocol: 'openai', provider: 'deepseek' },
  { model: 'vllm/Qwen/Qwen3-8B', protocol: 'openai', provider: 'vllm' },
] as const

describe.concurrent.each(cases)('the model string $model', ({ model, protocol, provider }) => {
  it(`loads the ${provider} provider package through @dspex/lm and calls it over HTTP`, async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'Paris' })
    try {
      const lm = new LM(model, { cache: false, baseURL: server.url, apiKey: 'test-key' })
      const result = await lm.call('What is the capital of France?')
      expect(result.outputs[0]?.text).toBe('Paris')
      expect((await lm.getLanguageModel()).provider).toContain(provider)
      expect(server.requests).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
