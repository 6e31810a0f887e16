import { LM } from '@dspex/lm'
import { type Callback, configure, defaultSettings } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { Tool, ToolCalls } from '@dspex/types'
import { afterEach, describe, expect, it } from 'vitest'
import { Predict } from './predict.js'

afterEach(() => configure(defaultSettings()))

type Event = {
  readonly kind: string
  readonly phase: 'start' | 'end'
  readonly inputs?: unknown
  readonly outputs?: unknown
  readonly exception?: unknown
}

/** Records every start and end event of every kind, in order. */
function recorder(): { callback: Callback; events: Event[] } {
  const events: Event[] = []
  const kinds = new Map<string, string>()
  const callback: Record<string, unknown> = {}
  for (const kind of ['Module', 'LM', 'AdapterFormat', 'AdapterParse', 'Tool']) {
    callback[`on${kind}Start`] = (callId: string, _instance: object, inputs: unknown) => {
      kinds.set(callId, kind)
      events.push({ kind, phase: 'start', inputs })
    }
    callback[`on${kind}End`] = (callId: string, outputs: unknown, exception: unknown) => {
      expect(kinds.get(callId)).toBe(kind)
      events.push({ kind, phase: 'end', outputs, exception })
    }
  }
  return { callback: callback as Callback, events }
}

const sequence = (events: readonly Event[]): string[] =>
  events.map((event) => `${event.kind} ${event.phase}${event.phase === 'end' && event.exception !== null ? ' failed' : ''}`)

describe('callbacks', () => {
  it('fire for the module, the adapter format, the LM and the adapter parse of every Predict call', async () => {
    const { callback, events } = recorder()
    configure({ lm: new LM(new ScriptedLM([{ answer: 'Paris' }]), { cache: false }), callbacks: [callback] })
    await new Predict('question -> answer').call({ question: 'Capital of France?' })
    expect(sequence(events)).toEqual([
      'Module start',
      'AdapterFormat start',
      'AdapterFormat end',
      'LM start',
      'LM end',
      'AdapterParse start',
      'AdapterParse end',
      'Module end',
    ])
    const [, formatStart, formatEnd, lmStart, lmEnd, parseStart, parseEnd] = events
    expect(Object.keys(formatStart?.inputs as object)).toEqual(['signature', 'demos', 'inputs'])
    expect(formatEnd?.outputs).toHaveLength(2)
    expect(lmStart?.inputs).toMatchObject({ prompt: null, messages: formatEnd?.outputs })
    expect(lmEnd?.outputs).toMatchObject({ outputs: [{ text: expect.stringContaining('Paris') }] })
    expect(parseStart?.inputs).toMatchObject({ completion: expect.stringContaining('[[ ## answer ## ]]\nParis') })
    expect(parseEnd?.outputs).toEqual({ answer: 'Paris' })
  })

  it('report a parse failure with its exception, then the JSON fallback, as DSPy does', async () => {
    const { callback, events } = recorder()
    configure({ lm: new LM(new ScriptedLM(() => 'no sections here'), { cache: false }), callbacks: [callback] })
    await expect(new Predict('question -> answer').call({ question: 'q' })).rejects.toThrow()
    expect(sequence(events)).toEqual([
      'Module start',
      'AdapterFormat start',
      'AdapterFormat end',
      'LM start',
      'LM end',
      'AdapterParse start',
      'AdapterParse end failed',
      'AdapterFormat start',
      'AdapterFormat end',
      'LM start',
      'LM end',
      'AdapterParse start',
      'AdapterParse end failed',
      'Module end failed',
    ])
  })

  it('fire for lm.call with DSPy-shaped inputs, and report a failing model', async () => {
    const { callback, events } = recorder()
    configure({ callbacks: [callback] })
    const lm = new LM(new ScriptedLM(() => 'hello'), { cache: false, temperature: 0.1 })
    await lm.call('Say hi.', { maxTokens: 5 })
    expect(events[0]).toEqual({
      kind: 'LM',
      phase: 'start',
      inputs: { prompt: 'Say hi.', messages: [{ role: 'user', content: 'Say hi.' }], kwargs: { maxTokens: 5 } },
    })
    expect(events[1]).toMatchObject({ kind: 'LM', phase: 'end', exception: null, outputs: { outputs: [{ text: 'hello' }] } })

    const failure = new Error('the model is down')
    const broken = new LM(
      {
        ...new ScriptedLM([]),
        specificationVersion: 'v1',
        provider: 'broken',
        modelId: 'x',
        capabilities: new ScriptedLM([]).capabilities,
        generate: () => Promise.reject(failure),
        stream: () => {
          throw failure
        },
      },
      { cache: false },
    )
    await expect(broken.call('Hi')).rejects.toBe(failure)
    expect(events[3]).toEqual({ kind: 'LM', phase: 'end', outputs: null, exception: failure })
  })

  it('fire for Tool.acall and for executed tool calls, with failures and invalid arguments', async () => {
    const { callback, events } = recorder()
    configure({ callbacks: [callback] })
    const add = new Tool(({ a, b }: { a: number; b: number }) => a + b, { name: 'add', args: { a: { type: 'integer' }, b: { type: 'integer' } } })
    const fail = new Tool(
      () => {
        throw new Error('boom')
      },
      { name: 'fail' },
    )
    expect(await add.acall({ a: 1, b: 2 })).toBe(3)
    await expect(fail.acall({})).rejects.toThrow('boom')
    await expect(add.acall({ a: 'one', b: 2 } as never)).rejects.toThrow('Arg a is invalid')
    expect(await ToolCalls.from([{ name: 'add', args: { a: 2, b: 3 } }]).tool_calls[0]?.execute([add])).toBe(5)
    await expect(
      ToolCalls.from([{ name: 'fail', args: {} }]).tool_calls[0]?.execute({ fail: () => Promise.reject(new Error('down')) }),
    ).rejects.toThrow('down')
    expect(sequence(events)).toEqual([
      'Tool start',
      'Tool end',
      'Tool start',
      'Tool end failed',
      'Tool start',
      'Tool end failed',
      'Tool start',
      'Tool end',
      'Tool start',
      'Tool end failed',
    ])
    expect(events[0]).toMatchObject({ inputs: { a: 1, b: 2 } })
    expect(events[1]).toMatchObject({ outputs: 3, exception: null })
  })
})
