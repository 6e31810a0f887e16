import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { providerCases } from './provider-cases.js'

const chatAdapterReply = '[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]'

describe.concurrent.each(providerCases)("Predict('question -> answer') through $name", ({ protocol, model }) => {
  it('answers Paris over HTTP', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => chatAdapterReply })
    try {
      const lm = new LM(model(server.url), { cache: false })
      const prediction = await new Predict('question -> answer', { lm }).call({ question: 'What is the capital of France?' })
      expect(prediction.answer).toBe('Paris')
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.body).toContain('What is the capital of France?')
    } finally {
      await server.close()
    }
  })
})
