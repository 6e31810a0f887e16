import { InvalidResponseDataError, RateLimitError, StreamInterruptedError } from '@dspex/provider'
import { startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { providerCases, question, readStream } from './provider-cases.js'

describe.concurrent.each(providerCases)('$name with injected faults', ({ protocol, model }) => {
  it('retries a 429 after the retry-after it was given', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'Paris', faults: [{ status: 429, retryAfterSeconds: 1 }] })
    try {
      const started = performance.now()
      const result = await model(server.url).generate(question)
      expect(result.choices[0]?.text).toBe('Paris')
      expect(performance.now() - started).toBeGreaterThanOrEqual(950)
      expect(server.requests).toHaveLength(2)
    } finally {
      await server.close()
    }
  })

  it('gives up on a 429 with a typed RateLimitError when retries are off', async () => {
    const server = await startFakeProviderServer({ protocol, faults: [{ status: 429, retryAfterSeconds: 1 }] })
    try {
      await expect(model(server.url, 0).generate(question)).rejects.toBeInstanceOf(RateLimitError)
    } finally {
      await server.close()
    }
  })

  it('retries a 500, then succeeds', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'Paris', faults: [{ status: 500 }] })
    try {
      expect((await model(server.url).generate(question)).choices[0]?.text).toBe('Paris')
      expect(server.requests).toHaveLength(2)
    } finally {
      await server.close()
    }
  })

  it('retries a connection reset, then succeeds', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'Paris', faults: [{ reset: true }] })
    try {
      expect((await model(server.url).generate(question)).choices[0]?.text).toBe('Paris')
      expect(server.requests).toHaveLength(2)
    } finally {
      await server.close()
    }
  })

  it('waits out injected latency', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => 'Paris', faults: [{ latencyMs: 100 }] })
    try {
      const started = performance.now()
      expect((await readStream(model(server.url))).text).toBe('Paris')
      expect(performance.now() - started).toBeGreaterThanOrEqual(95)
    } finally {
      await server.close()
    }
  })

  it('reports a truncated stream as a StreamInterruptedError', async () => {
    const server = await startFakeProviderServer({
      protocol,
      reply: () => 'one two three four five six',
      faults: [{ truncateStream: true }],
    })
    try {
      await expect(readStream(model(server.url, 0))).rejects.toBeInstanceOf(StreamInterruptedError)
    } finally {
      await server.close()
    }
  })

  it('reports malformed JSON as an InvalidResponseDataError', async () => {
    const server = await startFakeProviderServer({ protocol, faults: [{ malformedJSON: true }] })
    try {
      await expect(model(server.url, 0).generate(question)).rejects.toBeInstanceOf(InvalidResponseDataError)
    } finally {
      await server.close()
    }
  })

  it('reports a malformed stream event as an InvalidResponseDataError', async () => {
    const server = await startFakeProviderServer({ protocol, faults: [{ malformedJSON: true }] })
    try {
      await expect(readStream(model(server.url, 0))).rejects.toBeInstanceOf(InvalidResponseDataError)
    } finally {
      await server.close()
    }
  })
})
