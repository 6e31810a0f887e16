import { APICallError, ProviderError } from '@dspex/provider'
import { type FakeFault, startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { providerCases, question, readStream } from './provider-cases.js'

/** A small seeded generator (mulberry32), so a failing batch can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

const anyFaults: readonly (FakeFault | undefined)[] = [
  undefined,
  { latencyMs: 20 },
  { status: 429, retryAfterSeconds: 0 },
  { status: 500 },
  { reset: true },
  { truncateStream: true },
  { malformedJSON: true },
]
const retryableFaults: readonly (FakeFault | undefined)[] = [
  undefined,
  { latencyMs: 20 },
  { status: 429, retryAfterSeconds: 0 },
  { status: 500 },
  { reset: true },
]

describe.concurrent.each(providerCases)('$name with 50 concurrent calls', ({ protocol, model }) => {
  it('ends every call in a result or a typed error, without retries', async () => {
    const random = seededRandom(7)
    const server = await startFakeProviderServer({
      protocol,
      reply: () => 'Paris',
      faults: () => anyFaults[Math.floor(random() * anyFaults.length)],
    })
    try {
      const client = model(server.url, 0)
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? client.generate(question) : readStream(client))),
      )
      expect(outcomes).toHaveLength(50)
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(ProviderError)
          expect(APICallError.isInstance(outcome.reason) || ProviderError.isInstance(outcome.reason)).toBe(true)
        }
      }
      expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true)
      expect(outcomes.some((outcome) => outcome.status === 'rejected')).toBe(true)
      expect(server.requests).toHaveLength(50)
    } finally {
      await server.close()
    }
  })

  it('completes all 50 calls when retryable faults are retried', async () => {
    const random = seededRandom(11)
    // Faults only on the first 50 requests, so every retry eventually meets a healthy server.
    const server = await startFakeProviderServer({
      protocol,
      reply: () => 'Paris',
      faults: (_request, index) => (index < 50 ? retryableFaults[Math.floor(random() * retryableFaults.length)] : undefined),
    })
    try {
      const client = model(server.url, 5)
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_, index) =>
          index % 2 === 0 ? (await client.generate(question)).choices[0]?.text : (await readStream(client)).text,
        ),
      )
      expect(results).toEqual(Array.from({ length: 50 }, () => 'Paris'))
      expect(server.requests.length).toBeGreaterThan(50)
    } finally {
      await server.close()
    }
  })
})
