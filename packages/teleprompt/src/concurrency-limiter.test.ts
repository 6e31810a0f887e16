import { describe, expect, it } from 'vitest'
import { ConcurrencyLimiter } from './concurrency-limiter.js'

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once, first come first served, and frees slots on failure', async () => {
    const limiter = new ConcurrencyLimiter(2)
    const started: number[] = []
    let running = 0
    let peak = 0
    const task = (id: number) =>
      limiter.run(async () => {
        started.push(id)
        running += 1
        peak = Math.max(peak, running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running -= 1
        if (id === 1) throw new Error('boom')
        return id
      })
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task))
    expect(peak).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect(await limiter.run(async () => 'free again')).toBe('free again')
  })
})
