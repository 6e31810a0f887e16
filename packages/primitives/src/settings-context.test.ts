import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from './settings.js'
import { activeCallId, activeSignal, configure, context, contextOverrides, getSetting, runInFrame, settings } from './settings-context.js'

afterEach(() => configure(defaultSettings()))

/** Yields to the event loop in one of several ways, chosen at random. */
async function randomAwait(): Promise<void> {
  const choice = Math.floor(Math.random() * 4)
  if (choice === 0) await Promise.resolve()
  else if (choice === 1) await immediate()
  else if (choice === 2) await sleep(Math.floor(Math.random() * 3))
  else await new Promise<void>((resolve) => queueMicrotask(resolve))
}

describe('settings', () => {
  it("starts from DSPy's defaults", () => {
    const current = settings()
    expect(current.lm).toBeNull()
    expect(current.trace).toEqual([])
    expect([current.concurrency, current.maxErrors, current.maxHistorySize, current.maxTraceSize]).toEqual([16, 10, 10000, 10000])
    expect([current.trackUsage, current.disableHistory, current.provideTraceback, current.warnOnTypeMismatch]).toEqual([false, false, false, true])
    expect(current.callerModules).toEqual([])
    expect(Object.isFrozen(current)).toBe(true)
  })

  it('configure changes the global defaults and leaves unnamed or undefined keys alone', () => {
    configure({ concurrency: 3, lm: 'model-a' })
    configure({ maxErrors: 2, concurrency: undefined })
    expect(settings()).toMatchObject({ concurrency: 3, maxErrors: 2, lm: 'model-a' })
    expect(getSetting('concurrency')).toBe(3)
  })

  it('context overrides for the scope only and nests', async () => {
    configure({ lm: 'global' })
    const seen = await context({ lm: 'outer', branchIdx: 1 }, async () => {
      await randomAwait()
      const inner = await context({ lm: 'inner' }, async () => {
        await randomAwait()
        return [settings().lm, settings().branchIdx, getSetting('lm')]
      })
      return [...inner, settings().lm]
    })
    expect(seen).toEqual(['inner', 1, 'inner', 'outer'])
    expect(settings().lm).toBe('global')
  })

  it('context sees later global changes for keys it does not override', async () => {
    await context({ lm: 'scoped' }, async () => {
      configure({ concurrency: 5 })
      await randomAwait()
      expect(settings().concurrency).toBe(5)
      expect(settings().lm).toBe('scoped')
    })
  })

  it('an explicit null overrides, undefined does not', () => {
    configure({ lm: 'global' })
    context({ lm: null }, () => expect(settings().lm).toBeNull())
    context({ lm: undefined }, () => expect(settings().lm).toBe('global'))
  })

  it('returns what the function returns and propagates its errors', () => {
    expect(context({}, () => 42)).toBe(42)
    expect(() =>
      context({}, () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
  })

  it('keeps overrides, call ids and signals of scopes apart', async () => {
    const controller = new AbortController()
    await runInFrame({ activeCallId: 'call-1', signal: controller.signal, overrides: { branchIdx: 7 } }, async () => {
      await randomAwait()
      expect(activeCallId()).toBe('call-1')
      expect(activeSignal()).toBe(controller.signal)
      expect(contextOverrides()).toEqual({ branchIdx: 7 })
      await context({ maxErrors: 1 }, async () => {
        expect(activeCallId()).toBe('call-1')
        expect(contextOverrides()).toEqual({ branchIdx: 7, maxErrors: 1 })
      })
    })
    expect(activeCallId()).toBeNull()
    expect(activeSignal()).toBeUndefined()
    expect(contextOverrides()).toEqual({})
  })

  it('5,000 concurrent scopes with random awaits never see each other', async () => {
    configure({ lm: 'global' })
    const count = 5000
    const mismatches: string[] = []
    const check = (index: number, stage: string, expected: { lm: unknown; branchIdx: number; maxErrors: number }): void => {
      const current = settings()
      if (current.lm !== expected.lm || current.branchIdx !== expected.branchIdx || current.maxErrors !== expected.maxErrors) {
        mismatches.push(`${index}/${stage}: ${String(current.lm)} ${current.branchIdx} ${current.maxErrors}`)
      }
      if (getSetting('lm') !== expected.lm) mismatches.push(`${index}/${stage}: getSetting lm ${String(getSetting('lm'))}`)
    }
    const results = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        context({ lm: `lm-${index}`, branchIdx: index }, async () => {
          const outer = { lm: `lm-${index}`, branchIdx: index, maxErrors: 10 }
          for (let step = 0; step < 3; step += 1) {
            await randomAwait()
            check(index, `outer-${step}`, outer)
          }
          const nested = await Promise.all(
            [0, 1].map((branch) =>
              context({ maxErrors: index * 2 + branch + 1 }, async () => {
                await randomAwait()
                check(index, `nested-${branch}`, { ...outer, maxErrors: index * 2 + branch + 1 })
                return settings().maxErrors
              }),
            ),
          )
          await randomAwait()
          check(index, 'after', outer)
          return [settings().lm, ...nested]
        }),
      ),
    )
    expect(mismatches).toEqual([])
    expect(results).toEqual(Array.from({ length: count }, (_, index) => [`lm-${index}`, index * 2 + 1, index * 2 + 2]))
    expect(settings().lm).toBe('global')
  }, 30_000)
})
