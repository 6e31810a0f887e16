import { startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { providerCases, question, readStream } from './provider-cases.js'

describe.each(providerCases)('$name through its fake server', ({ protocol, model }) => {
  it('generates a completion with usage', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'The capital is Paris.' })
    try {
      const result = await model(server.url).generate(question)
      expect(result.choices[0]?.text).toBe('The capital is Paris.')
      expect(result.choices[0]?.finishReason).toBe('stop')
      expect(result.usage?.promptTokens).toBe(10)
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.stream).toBe(false)
    } finally {
      await server.close()
    }
  })

  it('streams the text and finishes', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'The capital is Paris.' })
    try {
      const { text, parts } = await readStream(model(server.url))
      expect(text).toBe('The capital is Paris.')
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' })
      expect(server.requests[0]?.stream).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('returns tool calls', async () => {
    const server = await startFakeProviderServer({
      protocol,
      reply: () => ({ toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { city: 'Paris' } }] }),
    })
    try {
      const result = await model(server.url).generate(question)
      expect(result.choices[0]?.toolCalls?.[0]).toMatchObject({ name: 'lookup', args: { city: 'Paris' } })
    } finally {
      await server.close()
    }
  })
})
