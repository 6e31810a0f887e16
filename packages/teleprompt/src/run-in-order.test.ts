import { describe, expect, it } from 'vitest'
import { runInOrder } from './run-in-order.js'

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

describe('runInOrder', () => {
  it('accepts outcomes in item order even when later items finish first', async () => {
    const accepted: number[] = []
    const count = await runInOrder(
      [30, 5, 20, 1],
      async (delay, index) => {
        await sleep(delay)
        return index
      },
      (outcome) => {
        accepted.push(outcome)
        return 'continue'
      },
      { concurrency: 4 },
    )
    expect(accepted).toEqual([0, 1, 2, 3])
    expect(count).toBe(4)
  })

  it('keeps at most `concurrency` tasks ahead of the consumer, and runs strictly one by one with 1', async () => {
    const events: string[] = []
    let running = 0
    let peak = 0
    const task = async (item: number) => {
      running += 1
      peak = Math.max(peak, running)
      events.push(`start ${item}`)
      await sleep(2)
      running -= 1
      return item
    }
    const accept = (item: number) => {
      events.push(`accept ${item}`)
      return 'continue' as const
    }
    await runInOrder([0, 1, 2], task, accept, { concurrency: 1 })
    expect(events).toEqual(['start 0', 'accept 0', 'start 1', 'accept 1', 'start 2', 'accept 2'])
    peak = 0
    await runInOrder(
      Array.from({ length: 20 }, (_, index) => index),
      task,
      () => 'continue',
      { concurrency: 3 },
    )
    expect(peak).toBe(3)
  })

  it('starts only `lookahead` tasks ahead of the accepted outcomes, read again after each one', async () => {
    const started: number[] = []
    let accepted = 0
    const task = async (item: number) => {
      started.push(item)
      await sleep(1)
      return item
    }
    // Two demos are needed and every outcome succeeds: a window of "still needed" starts nothing wasted.
    const stopAfterTwo = (item: number) => {
      accepted += 1
      return item >= 1 ? ('stop' as const) : ('continue' as const)
    }
    await runInOrder(
      Array.from({ length: 10 }, (_, index) => index),
      task,
      stopAfterTwo,
      {
        concurrency: 8,
        lookahead: () => 2 - accepted,
      },
    )
    expect(started).toEqual([0, 1])
  })

  it('stops at `stop`, aborting running tasks and discarding later outcomes', async () => {
    const aborted: number[] = []
    const accepted: number[] = []
    const count = await runInOrder(
      [0, 1, 2, 3, 4],
      (item, _index, signal) =>
        new Promise<number>((resolve) => {
          let done = false
          const timer = setTimeout(
            () => {
              done = true
              resolve(item)
            },
            item === 1 ? 1 : item === 0 ? 20 : 2000,
          )
          signal.addEventListener('abort', () => {
            clearTimeout(timer)
            if (!done) aborted.push(item)
            resolve(-1)
          })
        }),
      (item) => {
        accepted.push(item)
        return item === 0 ? 'continue' : 'stop'
      },
      { concurrency: 5 },
    )
    expect(accepted).toEqual([0, 1])
    expect(count).toBe(2)
    expect(aborted.sort()).toEqual([2, 3, 4])
  })

  it('rejects with the first error in item order', async () => {
    const run = runInOrder(
      [0, 1, 2],
      async (item) => {
        await sleep(item === 2 ? 0 : 10)
        if (item > 0) throw new Error(`failed ${item}`)
        return item
      },
      () => 'continue',
      { concurrency: 3 },
    )
    await expect(run).rejects.toThrow('failed 1')
  })

  it("rejects with the signal's reason", async () => {
    const controller = new AbortController()
    const run = runInOrder(
      [0],
      () => sleep(1000),
      () => 'continue',
      { concurrency: 1, signal: controller.signal },
    )
    controller.abort(new Error('cancelled'))
    await expect(run).rejects.toThrow('cancelled')
    await expect(
      runInOrder(
        [0],
        async () => 0,
        () => 'continue',
        { concurrency: 1, signal: controller.signal },
      ),
    ).rejects.toThrow('cancelled')
  })
})
