import { type CallbackEvent, type CallbackRunner, setCallbackRunner } from '@dspex/core'
import { afterEach, describe, expect, it } from 'vitest'
import { Tool } from './tool.js'
import { ToolCalls } from './tool-calls.js'

const runnerSlot = Symbol.for('dspex.callback-runner')
const installed = (globalThis as Record<symbol, unknown>)[runnerSlot] as CallbackRunner | undefined
afterEach(() => setCallbackRunner(installed))

type Reported = { event: CallbackEvent; outputs?: unknown; exception?: unknown }

function recordingRunner(): CallbackRunner & { calls: Reported[] } {
  const calls: Reported[] = []
  return {
    calls,
    async run(event, fn) {
      const call: Reported = { event }
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

describe('tool callbacks', () => {
  const add = new Tool(({ a, b }: { a: number; b: number }) => a + b, { name: 'add', args: { a: { type: 'integer' }, b: { type: 'integer' } } })

  it('report Tool.acall with the arguments and the result, argument errors included', async () => {
    const runner = recordingRunner()
    setCallbackRunner(runner)
    expect(await add.acall({ a: 1, b: 2 })).toBe(3)
    await expect(add.acall({ a: 'x', b: 2 } as never)).rejects.toThrow('Arg a is invalid')
    expect(runner.calls[0]).toEqual({ event: { kind: 'tool', instance: add, inputs: { a: 1, b: 2 } }, outputs: 3 })
    expect(runner.calls[1]?.exception).toBeInstanceOf(Error)
  })

  it('report executed tool calls, with the tool (or the function) as instance and the failure', async () => {
    const runner = recordingRunner()
    setCallbackRunner(runner)
    const [call] = ToolCalls.from([{ name: 'add', args: { a: 4, b: 5 } }]).tool_calls
    expect(await call?.execute([add])).toBe(9)
    const broken = () => Promise.reject(new Error('down'))
    await expect(call?.execute({ add: broken })).rejects.toThrow("Error executing tool 'add': down")
    expect(runner.calls.map(({ event }) => [event.kind, event.instance, event.inputs])).toEqual([
      ['tool', add, { a: 4, b: 5 }],
      ['tool', broken, { a: 4, b: 5 }],
    ])
    expect(runner.calls[1]?.exception).toMatchObject({ message: 'down' })
  })
})
