import type { Callback } from '@dspex/core'
import { withCallbacks } from '@dspex/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { Logger } from './logger.js'
import { defaultSettings } from './settings.js'
import { activeCallId, configure, context } from './settings-context.js'

afterEach(() => configure(defaultSettings()))

function capturingLogger(): Logger & { messages: string[] } {
  const messages: string[] = []
  return { messages, warn: (message) => messages.push(message) }
}

describe('withCallbacks', () => {
  it('calls start and end handlers of the kind with one call id, configured callbacks first', async () => {
    const events: unknown[][] = []
    const record = (name: string): Callback => ({
      onToolStart: (callId, instance, inputs) => void events.push([name, 'start', callId, instance, inputs, activeCallId()]),
      onToolEnd: (callId, outputs, exception) => void events.push([name, 'end', callId, outputs, exception, activeCallId()]),
      onModuleStart: () => void events.push([name, 'wrong kind']),
    })
    const instance = { callbacks: [record('own')] }
    const result = await context({ callbacks: [record('global')] }, () =>
      withCallbacks({ kind: 'tool', instance, inputs: { x: 1 } }, async () => {
        events.push(['inside', activeCallId()])
        return 'out'
      }),
    )
    expect(result).toBe('out')
    const callId = events[0]?.[2]
    expect(callId).toMatch(/^[0-9a-f]{32}$/)
    expect(events).toEqual([
      ['global', 'start', callId, instance, { x: 1 }, null],
      ['own', 'start', callId, instance, { x: 1 }, null],
      ['inside', callId],
      ['global', 'end', callId, 'out', null, null],
      ['own', 'end', callId, 'out', null, null],
    ])
  })

  it('reports the exception to end handlers and rethrows it', async () => {
    const ends: unknown[] = []
    const failure = new Error('boom')
    await expect(
      context({ callbacks: [{ onEvaluateEnd: (_id, outputs, exception) => void ends.push(outputs, exception) }] }, () =>
        withCallbacks({ kind: 'evaluate', instance: {}, inputs: {} }, () => Promise.reject(failure)),
      ),
    ).rejects.toBe(failure)
    expect(ends).toEqual([null, failure])
  })

  it('isolates handler errors, sync and async, reporting them to the logger', async () => {
    const logger = capturingLogger()
    const callbacks: Callback[] = [
      {
        onLMStart: () => {
          throw new Error('start failed')
        },
        onLMEnd: async () => {
          throw new Error('end failed')
        },
      },
    ]
    const result = await context({ callbacks, logger }, () => withCallbacks({ kind: 'lm', instance: {}, inputs: {} }, () => 1))
    expect(result).toBe(1)
    expect(logger.messages).toEqual([
      'Error when calling callback handler onLMStart: start failed',
      'Error when calling callback handler onLMEnd: end failed',
    ])
  })

  it('links nested calls to their parent through activeCallId', async () => {
    const parents = new Map<string, string | null>()
    const callback: Callback = { onAdapterParseStart: (callId) => void parents.set(callId, activeCallId()) }
    await context({ callbacks: [callback] }, () =>
      withCallbacks({ kind: 'adapterParse', instance: {}, inputs: {} }, () =>
        withCallbacks({ kind: 'adapterParse', instance: {}, inputs: {} }, async () => undefined),
      ),
    )
    const [[outer, outerParent], [inner, innerParent]] = [...parents] as [[string, string | null], [string, string | null]]
    expect(outerParent).toBeNull()
    expect(innerParent).toBe(outer)
    expect(inner).not.toBe(outer)
  })

  it('only runs the function when there are no callbacks', async () => {
    expect(await withCallbacks({ kind: 'compile', instance: {}, inputs: {} }, () => 'plain')).toBe('plain')
  })
})
