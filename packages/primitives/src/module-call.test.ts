import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises'
import type { Callback } from '@dspex/core'
import { Signature } from '@dspex/signatures'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeChainOfThought } from './__fixtures__/fake-predict.js'
import type { Logger } from './logger.js'
import { type ForwardOptions, Module } from './module.js'
import { Prediction } from './prediction.js'
import type { TraceEntry } from './record-trace.js'
import { defaultSettings } from './settings.js'
import { activeCallId, activeSignal, configure, context, settings } from './settings-context.js'
import { trackUsage } from './track-usage.js'

afterEach(() => configure(defaultSettings()))

function capturingLogger(): Logger & { messages: string[] } {
  const messages: string[] = []
  return { messages, warn: (message) => messages.push(message) }
}

class MyProgram extends Module<{ question: string }> {
  cot = new FakeChainOfThought(Signature.parse('question -> answer'))

  protected forward({ question }: { question: string }, options: ForwardOptions): Promise<Prediction> {
    return this.cot.call({ question }, options)
  }
}

describe('Module.call', () => {
  it('adds itself to callerModules while forward runs', async () => {
    const seen: string[][] = []
    class Probe extends Module<{ depth: number }> {
      child: Probe | undefined
      protected async forward({ depth }: { depth: number }): Promise<Prediction> {
        seen.push(settings().callerModules.map((module) => module.constructor.name + (module === this ? '*' : '')))
        if (this.child !== undefined) await this.child.call({ depth: depth + 1 })
        return new Prediction({ depth })
      }
    }
    const outer = new Probe()
    outer.child = new Probe()
    await outer.call({ depth: 0 })
    expect(seen).toEqual([['Probe*'], ['Probe', 'Probe*']])
    expect(settings().callerModules).toEqual([])
  })

  it('records LM history in every calling module, sharing the entry (DSPy test_module_history)', async () => {
    const program = new MyProgram()
    await program.call({ question: 'What is the capital of France?' })
    await program.cot.call({ question: 'What is the capital of France?' })
    expect(program.history).toHaveLength(1)
    expect(program.cot.history).toHaveLength(2)
    expect(program.cot.predict.history).toHaveLength(2)
    expect(program.history[0]).toBe(program.cot.history[0])
    expect(program.history[0]).toMatchObject({
      outputs: [JSON.stringify({ reasoning: 'reasoning for What is the capital of France?', answer: 'answer for What is the capital of France?' })],
    })

    await context({ disableHistory: true }, () => program.call({ question: 'again' }))
    expect([program.history.length, program.cot.history.length, program.cot.predict.history.length]).toEqual([1, 2, 2])
    await program.call({ question: 'again' })
    expect([program.history.length, program.cot.history.length, program.cot.predict.history.length]).toEqual([2, 3, 3])
  })

  it('records history from concurrent calls (DSPy test_module_history_with_concurrency) and caps it at maxHistorySize', async () => {
    const program = new MyProgram()
    await Promise.all([program.call({ question: 'a' }), program.call({ question: 'b' })])
    expect([program.history.length, program.cot.history.length, program.cot.predict.history.length]).toEqual([2, 2, 2])
    await context({ maxHistorySize: 2 }, () => program.call({ question: 'c' }))
    expect(program.history.map((entry) => (entry as { inputs: { question: string } }).inputs.question)).toEqual(['b', 'c'])
    await context({ maxHistorySize: 0 }, () => program.call({ question: 'd' }))
    expect(program.history).toHaveLength(2)
  })

  it('appends predictor calls to the trace in effect, up to maxTraceSize', async () => {
    const program = new MyProgram()
    const trace: TraceEntry[] = []
    await context({ trace, maxTraceSize: 2 }, async () => {
      await program.call({ question: 'one' })
      await program.call({ question: 'two' })
      await program.call({ question: 'three' })
    })
    expect(trace.map(([predictor, inputs]) => [predictor, inputs])).toEqual([
      [program.cot.predict, { question: 'two' }],
      [program.cot.predict, { question: 'three' }],
    ])
    await context({ trace: null }, () => program.call({ question: 'untraced' }))
    expect(trace).toHaveLength(2)
  })

  it('reports calls to module callbacks with call ids, parents and outputs', async () => {
    const events: unknown[][] = []
    const callback: Callback = {
      onModuleStart: (callId, instance, inputs) => void events.push(['start', callId, instance.constructor.name, inputs, activeCallId()]),
      onModuleEnd: (callId, outputs, exception) => void events.push(['end', callId, (outputs as Prediction | null)?.answer, exception]),
    }
    const program = new MyProgram()
    await context({ callbacks: [callback] }, () => program.call({ question: 'q' }))
    const ids = events.map((event) => event[1])
    expect(events.map((event) => [event[0], event[2]])).toEqual([
      ['start', 'MyProgram'],
      ['start', 'FakeChainOfThought'],
      ['start', 'FakePredict'],
      ['end', 'answer for q'],
      ['end', 'answer for q'],
      ['end', 'answer for q'],
    ])
    expect(events[0]?.[3]).toEqual({ question: 'q' })
    expect(events.map((event) => event[4]).slice(0, 3)).toEqual([null, ids[0], ids[1]])
    expect(ids.slice(3)).toEqual([ids[2], ids[1], ids[0]])
    expect(new Set(ids.slice(0, 3)).size).toBe(3)
  })

  it("runs a module's own callbacks and reports failures without breaking the call", async () => {
    const logger = capturingLogger()
    const ends: unknown[] = []
    class Failing extends Module {
      protected forward(): Prediction {
        throw new Error('forward failed')
      }
    }
    const failing = new Failing({
      callbacks: [
        {
          onModuleStart: () => {
            throw new Error('handler failed')
          },
          onModuleEnd: (_callId, outputs, exception) => void ends.push(outputs, exception),
        },
      ],
    })
    await expect(context({ logger }, () => failing.call({}))).rejects.toThrow('forward failed')
    expect(ends).toEqual([null, expect.objectContaining({ message: 'forward failed' })])
    expect(logger.messages).toEqual(['Error when calling callback handler onModuleStart: handler failed'])
  })

  it('attaches usage to the prediction when trackUsage is on, once per outer call', async () => {
    configure({ trackUsage: true })
    const program = new MyProgram()
    const prediction = await program.call({ question: 'q' })
    expect(prediction.getLMUsage()).toEqual({ 'fake/model': { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } })
    const inner = await program.cot.call({ question: 'q' })
    expect(inner.getLMUsage()).toEqual({ 'fake/model': { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } })
  })

  it('leaves usage to an enclosing tracker (DSPy checks the context overrides)', async () => {
    const { result, usage } = await context({ trackUsage: true }, () =>
      trackUsage(() => Promise.all([new MyProgram().call({ question: 'a' }), new MyProgram().call({ question: 'b' })])),
    )
    expect(result.map((prediction) => prediction.getLMUsage())).toEqual([undefined, undefined])
    expect(usage).toEqual({ 'fake/model': { prompt_tokens: 20, completion_tokens: 4, total_tokens: 24 } })
  })

  it('warns when usage cannot be attached to the output', async () => {
    const logger = capturingLogger()
    class Plain extends Module<Record<string, unknown>, string> {
      protected forward(): string {
        return 'not a prediction'
      }
    }
    expect(await context({ trackUsage: true, logger }, () => new Plain().call({}))).toBe('not a prediction')
    expect(logger.messages).toEqual(['Failed to set LM usage. Please return a `Prediction` from the module to enable usage tracking.'])
  })

  it('attaches usage to the first item of a tuple output', async () => {
    class Pair extends Module<Record<string, unknown>, [Prediction, string]> {
      protected forward(): [Prediction, string] {
        return [new Prediction({ a: 1 }), 'trace']
      }
    }
    const [prediction] = await context({ trackUsage: true }, () => new Pair().call({}))
    expect(prediction.getLMUsage()).toEqual({})
  })

  it('rejects with the reason of an aborted signal and passes signals down', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    const program = new MyProgram()
    await expect(program.call({ question: 'q' }, { signal: controller.signal })).rejects.toThrow('stop')

    const seen: (AbortSignal | undefined)[] = []
    class Inner extends Module {
      protected forward(_inputs: Record<string, unknown>, { signal }: ForwardOptions): Prediction {
        seen.push(signal, activeSignal())
        return new Prediction({})
      }
    }
    class Outer extends Module {
      inner = new Inner()
      protected forward(): Promise<Prediction> {
        return this.inner.call({})
      }
    }
    const live = new AbortController()
    await new Outer().call({}, { signal: live.signal })
    expect(seen).toEqual([live.signal, live.signal])
  })

  it('combines an inherited signal with its own', async () => {
    const outerController = new AbortController()
    const innerController = new AbortController()
    let combined: AbortSignal | undefined
    class Inner extends Module {
      protected async forward(_inputs: Record<string, unknown>, { signal }: ForwardOptions): Promise<Prediction> {
        combined = signal
        outerController.abort(new Error('outer stopped'))
        await immediate()
        signal?.throwIfAborted()
        return new Prediction({})
      }
    }
    class Outer extends Module {
      inner = new Inner()
      protected forward(): Promise<Prediction> {
        return this.inner.call({}, { signal: innerController.signal })
      }
    }
    await expect(new Outer().call({}, { signal: outerController.signal })).rejects.toThrow('outer stopped')
    expect(combined).not.toBe(innerController.signal)
    expect(combined?.aborted).toBe(true)
  })

  it('keeps 5,000 concurrent calls under different contexts apart', async () => {
    const program = new MyProgram()
    class Checked extends Module<{ index: number }> {
      inner = program
      protected async forward({ index }: { index: number }, options: ForwardOptions): Promise<Prediction> {
        for (let step = 0; step < 2; step += 1) {
          await (Math.random() < 0.5 ? immediate() : sleep(Math.floor(Math.random() * 2)))
          const current = settings()
          if (current.lm !== `lm-${index}` || current.callerModules.length !== 1 || current.callerModules[0] !== this) {
            throw new Error(`call ${index} saw lm ${String(current.lm)} and ${current.callerModules.length} callers`)
          }
        }
        const prediction = await this.inner.call({ question: `q${index}` }, options)
        return new Prediction({ index, lm: settings().lm, answer: prediction.answer })
      }
    }
    const checked = new Checked()
    const results = await Promise.all(Array.from({ length: 5000 }, (_, index) => context({ lm: `lm-${index}` }, () => checked.call({ index }))))
    expect(results.every((result, index) => result.lm === `lm-${index}` && result.answer === `answer for q${index}`)).toBe(true)
    expect(program.history).toHaveLength(5000)
  }, 30_000)
})
