import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LM } from '@dspex/lm'
import { type Callback, configure, defaultSettings } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { ChainOfThought } from './chain-of-thought.js'

afterEach(() => configure(defaultSettings()))

/** A callback recording which module classes started and ended. */
function moduleRecorder(): { callback: Callback; events: string[] } {
  const events: string[] = []
  const names = new Map<string, string>()
  return {
    events,
    callback: {
      onModuleStart: (callId, instance) => {
        names.set(callId, instance.constructor.name)
        events.push(`start ${instance.constructor.name}`)
      },
      onModuleEnd: (callId, _outputs, exception) => void events.push(`end ${names.get(callId)}${exception === null ? '' : ' failed'}`),
    },
  }
}

describe('the call contract', () => {
  it('fires the same module callbacks and records the same history and usage with per-call options as without', async () => {
    const model = new ScriptedLM(() => ({ reasoning: 'r', answer: 'a' }))
    const recorder = moduleRecorder()
    configure({ lm: new LM(model, { cache: false }), callbacks: [recorder.callback], trackUsage: true })
    const cot = new ChainOfThought('question -> answer')

    const plain = await cot.call({ question: 'q' })
    const plainEvents = recorder.events.splice(0)
    const withOptions = await cot.call(
      { question: 'q' },
      { config: { temperature: 0.5 }, demos: [{ question: 'q0', answer: 'a0', reasoning: 'r0' }] },
    )
    const optionEvents = recorder.events.splice(0)

    expect(plainEvents).toEqual(['start ChainOfThought', 'start Predict', 'end Predict', 'end ChainOfThought'])
    expect(optionEvents).toEqual(plainEvents)
    expect(cot.history).toHaveLength(2)
    expect(cot.predict.history).toHaveLength(2)
    expect(plain.getLMUsage()).toBeDefined()
    expect(withOptions.getLMUsage()).toEqual(plain.getLMUsage())
    expect(model.requests[1]?.temperature).toBe(0.5)
    expect(model.requests[1]?.messages).toHaveLength(4)
  })

  it('hands the inner predictor every per-call option: lm, signature and signal', async () => {
    const configured = new ScriptedLM(() => ({ reasoning: 'r', answer: 'configured' }))
    const perCall = new ScriptedLM(() => ({ reasoning: 'r', answer: 'per call' }))
    configure({ lm: new LM(configured, { cache: false }) })
    const cot = new ChainOfThought('question -> answer')
    const prediction = await cot.call({ question: 'q' }, { lm: new LM(perCall, { cache: false }) })
    expect(prediction.answer).toBe('per call')
    expect(configured.requests).toHaveLength(0)

    const instructed = cot.predict.signature.withInstructions('Answer in French.')
    await cot.call({ question: 'q' }, { signature: instructed })
    expect(configured.requests[0]?.messages[0]?.content).toContain('Answer in French.')

    const controller = new AbortController()
    controller.abort(new Error('stopped'))
    await expect(cot.call({ question: 'q' }, { signal: controller.signal })).rejects.toThrow('stopped')
  })

  it('reports a failing call with the exception, with or without options', async () => {
    const recorder = moduleRecorder()
    configure({ lm: new LM(new ScriptedLM(() => 'no markers at all'), { cache: false }), callbacks: [recorder.callback] })
    const cot = new ChainOfThought('question -> answer')
    await expect(cot.call({ question: 'q' })).rejects.toThrow()
    await expect(cot.call({ question: 'q' }, { config: { temperature: 0.2 } })).rejects.toThrow()
    const failed = ['start ChainOfThought', 'start Predict', 'end Predict failed', 'end ChainOfThought failed']
    expect(recorder.events).toEqual([...failed, ...failed])
  })
})

describe('call options', () => {
  const packagesDirectory = fileURLToPath(new URL('../../', import.meta.url))

  function shippedSources(directory: string): string[] {
    return readdirSync(directory).flatMap((entry) => {
      if (entry === 'node_modules' || entry === 'dist' || entry === '__fixtures__') return []
      const path = join(directory, entry)
      if (statSync(path).isDirectory()) return shippedSources(path)
      return entry.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(entry) ? [path] : []
    })
  }

  it('never travel through AsyncLocalStorage: only the settings context uses it', () => {
    const users = shippedSources(packagesDirectory)
      .filter((file) => /\bAsyncLocalStorage\b[^\n]*from '(node:)?async_hooks'|new AsyncLocalStorage\b/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(packagesDirectory.length))
    expect(users).toEqual([join('primitives', 'src', 'settings-context.ts')])
  })
})
