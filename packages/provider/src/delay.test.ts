import { describe, expect, it } from 'vitest'
import { delay } from './delay.js'

describe('delay', () => {
  it('waits the given time', async () => {
    const started = performance.now()
    await delay(20)
    expect(performance.now() - started).toBeGreaterThanOrEqual(15)
  })

  it('rejects with the abort reason, before or during the wait', async () => {
    const reason = new Error('stop')
    await expect(delay(10, AbortSignal.abort(reason))).rejects.toBe(reason)
    const controller = new AbortController()
    const waiting = delay(10_000, controller.signal)
    controller.abort(reason)
    await expect(waiting).rejects.toBe(reason)
  })
})
