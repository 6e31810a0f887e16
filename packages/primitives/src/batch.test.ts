import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { runBatch } from './batch.js'
import { BatchError } from './errors/batch-error.js'
import { ExampleError } from './errors/example-error.js'
import { Example } from './example.js'
import { type ForwardOptions, Module } from './module.js'
import { Prediction } from './prediction.js'
import { defaultSettings } from './settings.js'
import { configure, context, settings } from './settings-context.js'

afterEach(() => configure(defaultSettings()))

/** Echoes `question` after a delay; fails on questions starting with `fail`; tracks how many calls run at once. */
class Echo extends Module<{ question: string }> {
  running = 0
  mostAtOnce = 0
  started: string[] = []
  aborted: string[] = []

  protected async forward(inputs: { question: string }, { signal }: ForwardOptions): Promise<Prediction> {
    this.started.push(inputs.question)
    this.running += 1
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running)
    try {
      await sleep(Math.floor(Math.random() * 4), undefined, { signal })
      if (inputs.question.startsWith('fail')) throw new Error(`failed ${inputs.question}`)
      return new Prediction({ answer: inputs.question.toUpperCase(), inputNames: Object.keys(inputs), lm: settings().lm })
    } catch (error) {
      if (signal?.aborted === true) this.aborted.push(inputs.question)
      throw error
    } finally {
      this.running -= 1
    }
  }
}

const questions = (count: number, failing: readonly number[] = []): { question: string }[] =>
  Array.from({ length: count }, (_, index) => ({ question: `${failing.includes(index) ? 'fail' : 'q'}${index}` }))

describe('Module.batch', () => {
  it('returns results in order with at most `concurrency` calls at once', async () => {
    const echo = new Echo()
    const { results, failures } = await echo.batch(questions(40), { concurrency: 3 })
    expect(results.map((result) => result?.answer)).toEqual(questions(40).map(({ question }) => question.toUpperCase()))
    expect(failures).toEqual([])
    expect(echo.mostAtOnce).toBe(3)
  })

  it("calls with an example's inputs only, and accepts plain inputs", async () => {
    const echo = new Echo()
    const items = [new Example({ question: 'a', answer: 'A', dspy_uuid: 'u' }).withInputs('question', 'dspy_uuid'), { question: 'b' }]
    const { results } = await echo.batch(items)
    expect(results.map((result) => result?.inputNames)).toEqual([['question'], ['question']])
  })

  it('throws before running anything when an example has no inputs', async () => {
    const echo = new Echo()
    await expect(echo.batch([{ question: 'a' }, new Example({ question: 'b' })])).rejects.toBeInstanceOf(ExampleError)
    expect(echo.started).toEqual([])
  })

  it('keeps failures per item, in item order, with undefined results', async () => {
    const echo = new Echo()
    const items = questions(10, [7, 2])
    const { results, failures } = await echo.batch(items, { concurrency: 4 })
    expect(results[2]).toBeUndefined()
    expect(results[7]).toBeUndefined()
    expect(results.filter((result) => result !== undefined)).toHaveLength(8)
    expect(failures.map(({ index, item, error }) => [index, item, (error as Error).message])).toEqual([
      [2, items[2], 'failed fail2'],
      [7, items[7], 'failed fail7'],
    ])
  })

  it('cancels the rest once maxErrors calls failed, aborting running calls', async () => {
    const echo = new Echo()
    const items = questions(50, [0, 1, 2])
    const failure = await echo.batch(items, { concurrency: 5, maxErrors: 3 }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(BatchError)
    expect(failure).toMatchObject({ code: 'batch-max-errors' })
    expect((failure as BatchError).message).toMatch(/^Execution cancelled due to errors or interruption/)
    expect((failure as BatchError).failures.map(({ index }) => index)).toEqual([0, 1, 2])
    expect(echo.started.length).toBeLessThan(50)
    await sleep(10)
    expect(echo.started.length).toBeLessThan(50)
    expect(echo.running).toBe(0)
  })

  it('stops when the signal fires, keeping what finished', async () => {
    const controller = new AbortController()
    const reason = new Error('user stop')
    class Stopping extends Echo {
      protected override forward(inputs: { question: string }, options: ForwardOptions): Promise<Prediction> {
        if (inputs.question === 'q10') controller.abort(reason)
        return super.forward(inputs, options)
      }
    }
    const echo = new Stopping()
    const failure = await echo.batch(questions(200), { concurrency: 2, signal: controller.signal }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'batch-aborted', cause: reason })
    const finished = (failure as BatchError).results.filter((result) => result !== undefined)
    expect(finished.length).toBeGreaterThan(0)
    expect(finished.length).toBeLessThan(200)
    await sleep(10)
    expect(echo.running).toBe(0)
  })

  it('does not start with an aborted signal', async () => {
    const echo = new Echo()
    await expect(echo.batch(questions(3), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'batch-aborted' })
    expect(echo.started).toEqual([])
  })

  it('takes concurrency and maxErrors from the settings, and runs every call in the caller context', async () => {
    const echo = new Echo()
    const { results } = await context({ concurrency: 2, lm: 'scoped' }, () => echo.batch(questions(8)))
    expect(echo.mostAtOnce).toBe(2)
    expect(results.every((result) => result?.lm === 'scoped')).toBe(true)
    await expect(context({ maxErrors: 1 }, () => new Echo().batch(questions(5, [0]), { concurrency: 1 }))).rejects.toMatchObject({
      code: 'batch-max-errors',
      failures: [expect.objectContaining({ index: 0 })],
    })
  })

  it('rejects bad options', async () => {
    for (const options of [{ concurrency: 0 }, { concurrency: 1.5 }, { maxErrors: 0 }, { maxErrors: Number.NaN }]) {
      await expect(new Echo().batch(questions(1), options)).rejects.toMatchObject({ code: 'batch-invalid-options' })
    }
  })

  it('returns nothing for no items', async () => {
    expect(await new Echo().batch([])).toEqual({ results: [], failures: [] })
  })
})

describe('runBatch', () => {
  it('never stops with maxErrors Infinity', async () => {
    const { results, failures } = await runBatch(
      [1, 2, 3, 4],
      async (item) => {
        if (item % 2 === 0) throw new Error(`even ${item}`)
        return item * 10
      },
      { maxErrors: Number.POSITIVE_INFINITY, concurrency: 2 },
    )
    expect(results).toEqual([10, undefined, 30, undefined])
    expect(failures.map(({ index }) => index)).toEqual([1, 3])
  })
})

describe('runBatch hooks and abort modes', () => {
  it('reports every finished item once to onSettled, as it finishes', async () => {
    const settled: [number, boolean][] = []
    const { results } = await runBatch(
      [3, 1, 2, 0],
      async (item) => {
        await sleep(item)
        if (item === 2) throw new Error('two')
        return item
      },
      { concurrency: 4, maxErrors: Number.POSITIVE_INFINITY },
      { onSettled: (index, outcome) => settled.push([index, outcome.ok]) },
    )
    expect(results).toEqual([3, 1, undefined, 0])
    expect([...settled].sort((left, right) => left[0] - right[0])).toEqual([
      [0, true],
      [1, true],
      [2, false],
      [3, true],
    ])
  })

  it('hands the output or the error to onSettled', async () => {
    const outcomes: unknown[] = []
    const failure = new Error('bad')
    await runBatch(
      ['ok', 'bad'],
      async (item) => {
        if (item === 'bad') throw failure
        return item.toUpperCase()
      },
      { concurrency: 1, maxErrors: 5 },
      { onSettled: (_index, outcome) => outcomes.push(outcome) },
    )
    expect(outcomes).toEqual([
      { ok: true, output: 'OK' },
      { ok: false, error: failure },
    ])
  })

  it("returns what finished with aborted: true when onAbort is 'return'", async () => {
    const controller = new AbortController()
    const settled: number[] = []
    const result = await runBatch(
      Array.from({ length: 100 }, (_, index) => index),
      async (item, signal) => {
        if (item === 10) controller.abort(new Error('stop'))
        await sleep(1, undefined, { signal })
        return item
      },
      { concurrency: 2, signal: controller.signal, onAbort: 'return' },
      { onSettled: (index) => settled.push(index) },
    )
    expect(result.aborted).toBe(true)
    expect(result.failures).toEqual([])
    const finished = result.results.flatMap((output, index) => (output === undefined ? [] : [index]))
    expect(finished.length).toBeGreaterThan(0)
    expect(finished.length).toBeLessThan(100)
    expect(finished).toEqual(result.results.slice(0, finished.length).map((_, index) => index))
    expect([...settled].sort((left, right) => left - right)).toEqual(finished)
  })

  it("returns at once for an already aborted signal with onAbort 'return'", async () => {
    let calls = 0
    const result = await runBatch(
      [1, 2],
      async (item) => {
        calls += 1
        return item
      },
      { signal: AbortSignal.abort(), onAbort: 'return' },
    )
    expect(result).toEqual({ results: [undefined, undefined], failures: [], aborted: true })
    expect(calls).toBe(0)
  })

  it("still throws on maxErrors when onAbort is 'return'", async () => {
    await expect(
      runBatch(
        [1, 2],
        async () => {
          throw new Error('no')
        },
        { maxErrors: 1, concurrency: 1, onAbort: 'return' },
      ),
    ).rejects.toMatchObject({ code: 'batch-max-errors' })
  })

  it('lets any number of running calls listen to its signal without a leak warning', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error): void => {
      warnings.push(warning)
    }
    process.on('warning', onWarning)
    try {
      const items = Array.from({ length: 30 }, (_, index) => index)
      await runBatch(
        items,
        async (item, signal) => {
          signal.addEventListener('abort', () => {})
          await sleep(2)
          return item
        },
        { concurrency: 30 },
      )
      await sleep(5)
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.map(({ name }) => name)).not.toContain('MaxListenersExceededWarning')
  })

  it('rejects an unknown onAbort mode', async () => {
    await expect(runBatch([1], async (item) => item, { onAbort: 'ignore' as 'throw' })).rejects.toMatchObject({
      code: 'batch-invalid-options',
    })
  })
})
