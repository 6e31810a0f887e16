import { LM, type ProviderFactorySettings, registerProvider, unregisterProvider } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { Prediction } from '@dspex/primitives'
import { afterEach, describe, expect, it } from 'vitest'
import { createEcho } from './echo-provider.js'
import { createEchoCloudServer, type EchoCloudServer, reply } from './testing/echo-cloud-server.js'

let server: EchoCloudServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  unregisterProvider('echo')
})

describe('Echo Cloud behind LM and Predict', () => {
  it('answers a Predict through a registered "echo/..." model string', async () => {
    server = await createEchoCloudServer('lm-key', [reply('[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]')])
    const received: ProviderFactorySettings[] = []
    registerProvider('echo', (modelId, settings) => {
      received.push(settings)
      return createEcho(settings)(modelId)
    })

    const lm = new LM('echo/echo-1', { cache: false, baseURL: server.url, apiKey: 'lm-key', numRetries: 1, temperature: 0 })
    const qa = new Predict('question -> answer', { lm })
    const prediction = await qa.call({ question: 'What is the capital of France?' })

    expect(prediction).toBeInstanceOf(Prediction)
    expect(prediction.answer).toBe('Paris')
    // LM hands the factory its apiKey and baseURL, and its numRetries as maxRetries.
    expect(received).toEqual([{ apiKey: 'lm-key', baseURL: server.url, maxRetries: 1 }])
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request?.json.model).toBe('echo-1')
    expect(request?.json.temperature).toBe(0)
    expect(request?.json.prompt).toMatch(/^system: Your input fields are:\n1\. `question` \(str\)/)
    expect(request?.json.prompt).toContain('user: [[ ## question ## ]]\nWhat is the capital of France?')
    expect(lm.usage['echo/echo-1']?.completionTokens).toBe(11)
  })
})
