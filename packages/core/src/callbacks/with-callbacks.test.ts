import { afterEach, describe, expect, it } from 'vitest'
import { type CallbackEvent, type CallbackRunner, hasCallbacks, setCallbackRunner, withCallbacks, withCallbacksSync } from './with-callbacks.js'

const runnerSlot = Symbol.for('dspex.callback-runner')
const installed = (globalThis as Record<symbol, unknown>)[runnerSlot] as CallbackRunner | undefined
afterEach(() => setCallbackRunner(installed))

/** A runner that records the events it is given and runs the work. */
function recordingRunner(): CallbackRunner & { events: CallbackEvent[] } {
  const events: CallbackEvent[] = []
  return {
    events,
    run: async (event, fn) => {
      events.push(event)
      return await fn()
    },
    isActive: () => true,
    runSync: (event, fn) => {
      events.push(event)
      return fn()
    },
  }
}

describe('withCallbacks', () => {
  it('only runs the work when no runner is installed, keeping a synchronous throw inside the promise', async () => {
    setCallbackRunner(undefined)
    expect(await withCallbacks({ kind: 'tool', instance: {}, inputs: {} }, () => 1)).toBe(1)
    const thrown = withCallbacks({ kind: 'tool', instance: {}, inputs: {} }, () => {
      throw new Error('inside')
    })
    await expect(thrown).rejects.toThrow('inside')
    expect(withCallbacksSync({ kind: 'adapterParse', instance: {}, inputs: {} }, () => 'sync')).toBe('sync')
    expect(hasCallbacks({})).toBe(false)
  })

  it('goes through the installed runner, shared by every copy of the package through the global object', async () => {
    const runner = recordingRunner()
    setCallbackRunner(runner)
    const instance = {}
    await withCallbacks({ kind: 'lm', instance, inputs: { prompt: 'hi' } }, () => 'out')
    withCallbacksSync({ kind: 'adapterFormat', instance, inputs: {} }, () => [])
    expect(runner.events.map((event) => event.kind)).toEqual(['lm', 'adapterFormat'])
    expect((globalThis as Record<symbol, unknown>)[runnerSlot]).toBe(runner)
    expect(hasCallbacks(instance)).toBe(true)
  })
})
