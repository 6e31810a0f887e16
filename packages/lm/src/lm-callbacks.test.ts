import { type CallbackEvent, type CallbackRunner, setCallbackRunner } from '@dspex/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { LM } from './lm.js'

const runnerSlot = Symbol.for('dspex.callback-runner')
const installed = (globalThis as Record<symbol, unknown>)[runnerSlot] as CallbackRunner | undefined
afterEach(() => setCallbackRunner(installed))

/** A runner that records each reported call's event and how it settled. */
function recordingRunner(): CallbackRunner & { calls: { event: CallbackEvent; outputs?: unknown; exception?: unknown }[] } {
  const calls: { event: CallbackEvent; outputs?: unknown; exception?: unknown }[] = []
  return {
    calls,
    async run(event, fn) {
      const call: { event: CallbackEvent; outputs?: unknown; exception?: unknown } = { event }
      calls.push(call)
      try {
        call.outputs = await fn()
        return call.outputs as never
      } catch (error) {
        call.exception = error
        throw error
      }
    },
    runSync: (_event, fn) => fn(),
    isActive: () => true,
  }
}

describe('LM.call callbacks', () => {
  it('reports every call, cache hits included, with the prompt, the messages and the keyword options', async () => {
    const runner = recordingRunner()
    setCallbackRunner(runner)
    const lm = new LM(createFakeLanguageModel(), { responseCache: new Cache() })
    const first = await lm.call('Hello', { temperature: 0.3 })
    const second = await lm.call({ messages: [{ role: 'user', content: 'Hello' }], maxTokens: 9 })
    expect(runner.calls.map(({ event }) => [event.kind, event.instance, event.inputs])).toEqual([
      ['lm', lm, { prompt: 'Hello', messages: [{ role: 'user', content: 'Hello' }], kwargs: { temperature: 0.3 } }],
      ['lm', lm, { prompt: null, messages: [{ role: 'user', content: 'Hello' }], kwargs: { maxTokens: 9 } }],
    ])
    expect(runner.calls[0]?.outputs).toBe(first)
    expect(runner.calls[1]?.outputs).toBe(second)
  })

  it('reports a failing call with what the provider threw', async () => {
    const runner = recordingRunner()
    setCallbackRunner(runner)
    const failure = new Error('provider down')
    const model = { ...createFakeLanguageModel(), generate: () => Promise.reject(failure) }
    await expect(new LM(model, { cache: false }).call('Hi')).rejects.toBe(failure)
    expect(runner.calls[0]?.exception).toBe(failure)
  })
})
