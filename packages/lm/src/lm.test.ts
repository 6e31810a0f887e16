import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Message, TimeoutError } from '@dspex/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { cacheKey } from './cache-key.js'
import { DiskCacheStore } from './disk-cache-store.js'
import { LMConfigurationError } from './errors/lm-configuration-error.js'
import { LM } from './lm.js'
import { clearGlobalHistory, getGlobalHistory } from './lm-history.js'
import type { LMWarning } from './lm-warning.js'
import { registerProvider, unregisterProvider } from './provider-registry.js'

const messages: Message[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Say hi.' },
]

describe('LM.call', () => {
  it('returns one output per choice with the full result, and accepts a prompt, messages or a request', async () => {
    const model = createFakeLanguageModel()
    const lm = new LM(model, { responseCache: new Cache(), cache: false, temperature: 0.2 })
    const fromMessages = await lm.call(messages)
    expect(fromMessages).toMatchObject({
      outputs: [{ text: 'answer 1.1', finishReason: 'stop' }],
      cacheHit: false,
      model: 'fake/fake-model',
      usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
      result: { responseModel: 'fake-model-2025', raw: { id: 'response-1' } },
    })
    await lm.call('Hello')
    expect(model.requests[1]?.messages).toEqual([{ role: 'user', content: 'Hello' }])
    await lm.call({ messages, maxTokens: 50 }, { temperature: 0.9 })
    expect(model.requests[2]).toMatchObject({ temperature: 0.9, maxTokens: 50 })
    expect(model.requests[0]).toEqual({ messages, temperature: 0.2 })
  })

  it('answers an identical request from the cache with no usage, and still records it', async () => {
    const model = createFakeLanguageModel()
    const lm = new LM(model, { responseCache: new Cache() })
    const miss = await lm.call(messages)
    const hit = await lm.call(messages)
    expect(model.requests).toHaveLength(1)
    expect(hit).toMatchObject({ cacheHit: true, usage: undefined, outputs: miss.outputs })
    expect(hit.result.usage).toBeUndefined()
    expect(lm.history.map((entry) => entry.cacheHit)).toEqual([false, true])
    expect(lm.usage).toEqual({ 'fake/fake-model': { promptTokens: 10, completionTokens: 5, totalTokens: 15 } })
    await lm.call(messages, { temperature: 0.5 })
    expect(model.requests).toHaveLength(2)
  })

  it('skips the cache for one call with cache: false, or for the LM with cache: false', async () => {
    const model = createFakeLanguageModel()
    const cache = new Cache()
    const lm = new LM(model, { responseCache: cache })
    await lm.call(messages, { cache: false })
    expect(cache.memorySize).toBe(0)
    await lm.call(messages)
    await lm.call(messages, { cache: false })
    expect(model.requests).toHaveLength(3)
    const uncached = new LM(model, { responseCache: cache, cache: false })
    expect((await uncached.call(messages)).cacheHit).toBe(false)
    expect(model.requests).toHaveLength(4)
  })

  it('busts the cache per rollout id, which is never sent to the provider', async () => {
    const model = createFakeLanguageModel()
    const lm = new LM(model, { responseCache: new Cache(), temperature: 1 })
    await lm.call(messages, { rolloutId: 1 })
    await lm.call(messages, { rolloutId: 2 })
    await lm.call(messages, { rolloutId: 1 })
    const copy = lm.copy({ rolloutId: 2 })
    expect((await copy.call(messages)).cacheHit).toBe(true)
    expect(model.requests).toHaveLength(2)
    expect(model.requests.every((request) => !('rolloutId' in request))).toBe(true)
    expect(lm.history[0]?.kwargs).toMatchObject({ rolloutId: 1, temperature: 1 })
  })

  it('warns once when a rollout id meets temperature 0', async () => {
    const warnings: LMWarning[] = []
    const lm = new LM(createFakeLanguageModel(), {
      responseCache: new Cache(),
      temperature: 0,
      rolloutId: 'r1',
      onWarning: (warning) => warnings.push(warning),
    })
    await lm.call(messages)
    await lm.call('again')
    expect(warnings.map((warning) => warning.code)).toEqual(['rollout-id-without-temperature'])
  })

  it('shares one cache entry between LMs built on equal models', async () => {
    const cache = new Cache()
    const first = createFakeLanguageModel()
    const second = createFakeLanguageModel({ respond: () => 'never called' })
    await new LM(first, { responseCache: cache }).call(messages)
    const hit = await new LM(second, { responseCache: cache }).call(messages)
    expect(hit.outputs[0]?.text).toBe('answer 1.1')
    expect(second.requests).toHaveLength(0)
  })

  it('uses the default cache when given none', async () => {
    const { configureCache, getDefaultCache } = await import('./default-cache.js')
    const cache = configureCache({ enableDiskCache: false })
    expect(getDefaultCache()).toBe(cache)
    const lm = new LM(createFakeLanguageModel({ modelId: 'default-cache-model' }))
    await lm.call('default cache')
    expect((await lm.call('default cache')).cacheHit).toBe(true)
    expect(cache.store).toBeUndefined()
  })
})

describe('LM disk cache', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-lm-'))
  })
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('answers a second LM with its own cache from the first one’s files (a restart)', async () => {
    const first = createFakeLanguageModel()
    await new LM(first, { responseCache: new Cache({ store: new DiskCacheStore({ directory }) }) }).call(messages)
    const second = createFakeLanguageModel()
    const result = await new LM(second, { responseCache: new Cache({ store: new DiskCacheStore({ directory }) }) }).call(messages)
    expect(result).toMatchObject({ cacheHit: true, usage: undefined, outputs: [{ text: 'answer 1.1' }] })
    expect(second.requests).toHaveLength(0)
  })

  it('ignores and replaces a corrupt entry, warning through onWarning', async () => {
    const store = new DiskCacheStore({ directory })
    const key = cacheKey({ model: 'fake/fake-model', messages, options: {} })
    await writeFile(join(directory, 'placeholder'), '')
    await store.set(key, { choices: [{ text: 'old', finishReason: 'stop' }] })
    await writeFile(store.pathOf(key), '{"key":"')
    const warnings: LMWarning[] = []
    const model = createFakeLanguageModel()
    const lm = new LM(model, { responseCache: new Cache({ store }), onWarning: (warning) => warnings.push(warning) })
    const result = await lm.call(messages)
    expect(result.cacheHit).toBe(false)
    expect(model.requests).toHaveLength(1)
    expect(warnings).toMatchObject([{ code: 'cache-read-failed', model: 'fake/fake-model' }])
    expect((await store.get(key))?.choices[0]?.text).toBe('answer 1.1')
    expect(await readdir(join(directory, key.slice(0, 2)))).toEqual([`${key}.json`])
  })
})

describe('LM n completions and concurrency', () => {
  it('passes n through when the provider returns every choice', async () => {
    const model = createFakeLanguageModel()
    const result = await new LM(model, { responseCache: new Cache() }).call(messages, { n: 3 })
    expect(result.outputs.map((output) => output.text)).toEqual(['answer 1.1', 'answer 1.2', 'answer 1.3'])
    expect(model.requests).toHaveLength(1)
  })

  it('calls again, at once, until there are n choices, summing usage', async () => {
    const model = createFakeLanguageModel({ maxChoices: 1, delayMs: 5 })
    const lm = new LM(model, { responseCache: new Cache() })
    const result = await lm.call(messages, { n: 4 })
    expect(result.outputs).toHaveLength(4)
    expect(model.requests).toHaveLength(4)
    expect(model.requests[0]?.n).toBe(4)
    expect(model.requests.slice(1).every((request) => request.n === undefined)).toBe(true)
    expect(model.maxActive).toBe(3)
    expect(result.usage).toEqual({ promptTokens: 40, completionTokens: 20, totalTokens: 60 })
    expect((await lm.call(messages, { n: 4 })).outputs).toHaveLength(4)
    expect(model.requests).toHaveLength(4)
  })

  it('stops asking, warns and does not cache when the provider returns nothing more', async () => {
    const warnings: LMWarning[] = []
    const model = createFakeLanguageModel({ maxChoices: 0 })
    const lm = new LM(model, { responseCache: new Cache(), onWarning: (warning) => warnings.push(warning) })
    const result = await lm.call(messages, { n: 2 })
    expect(result.outputs).toEqual([])
    expect(model.requests).toHaveLength(3)
    expect(warnings.map((warning) => warning.code)).toEqual(['fewer-completions'])
    await lm.call(messages, { n: 2 })
    expect(model.requests).toHaveLength(6)
  })

  it('keeps at most maxConcurrency provider calls running, shared with copies', async () => {
    const model = createFakeLanguageModel({ maxChoices: 1, delayMs: 5 })
    const lm = new LM(model, { responseCache: new Cache(), cache: false, maxConcurrency: 2 })
    const copy = lm.copy({ temperature: 1 })
    await Promise.all([lm.call(messages, { n: 3 }), copy.call('x'), copy.call('y'), lm.call('z')])
    expect(model.maxActive).toBe(2)
    expect(() => new LM(model, { maxConcurrency: 0 })).toThrow(LMConfigurationError)
  })

  it('aborts through the call signal and through timeoutMs', async () => {
    const model = createFakeLanguageModel({ delayMs: 30 })
    const lm = new LM(model, { responseCache: new Cache(), cache: false })
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(lm.call(messages, { signal: controller.signal })).rejects.toThrow('stop')
    const timedOut = await lm.call(messages, { timeoutMs: 1 }).catch((error: unknown) => error)
    expect(TimeoutError.isInstance(timedOut)).toBe(true)
    expect(timedOut).toMatchObject({ code: 'timeout', timeoutMs: 1, isRetryable: true })
    expect(lm.history).toHaveLength(0)
  })
})

describe('LM warnings, history and usage', () => {
  beforeEach(() => clearGlobalHistory())

  it('reports truncated responses and provider warnings without writing to the console', async () => {
    const warnings: LMWarning[] = []
    const lm = new LM(createFakeLanguageModel({ finishReason: 'length', warnings: ['seed is not supported'] }), {
      responseCache: new Cache(),
      maxTokens: 5,
      onWarning: (warning) => {
        warnings.push(warning)
        throw new Error('a failing hook is ignored')
      },
    })
    await lm.call(messages)
    expect(warnings.map((warning) => warning.code)).toEqual(['provider-warning', 'response-truncated'])
    expect(warnings[1]?.message).toContain('maxTokens=5')
  })

  it('records every call in the LM history (capped) and the global history', async () => {
    const lm = new LM(createFakeLanguageModel(), { responseCache: new Cache(), cache: false, maxHistorySize: 2, temperature: 0.1 })
    for (const prompt of ['a', 'b', 'c']) await lm.call(prompt)
    expect(lm.history.map((entry) => entry.messages[0]?.content)).toEqual(['b', 'c'])
    expect(getGlobalHistory()).toHaveLength(3)
    const entry = lm.history[1]
    expect(entry).toMatchObject({
      kwargs: { temperature: 0.1 },
      outputs: [{ text: 'answer 3.1' }],
      model: 'fake/fake-model',
      responseModel: 'fake-model-2025',
      modelType: 'chat',
      cacheHit: false,
      usage: { totalTokens: 15 },
    })
    expect(entry?.uuid).toMatch(/^[0-9a-f-]{36}$/)
    expect(Number.isNaN(Date.parse(entry?.timestamp ?? ''))).toBe(false)
    const silent = new LM(createFakeLanguageModel(), { responseCache: new Cache(), maxHistorySize: 0 })
    await silent.call('d')
    expect(silent.history).toHaveLength(0)
    expect(getGlobalHistory()).toHaveLength(4)
    expect(lm.usage['fake/fake-model']?.totalTokens).toBe(45)
  })
})

describe('LM.copy', () => {
  it('is a shallow copy with its own history and usage, overriding options', async () => {
    const model = createFakeLanguageModel()
    const lm = new LM(model, { responseCache: new Cache(), temperature: 0, maxTokens: 100 })
    await lm.call('original')
    const copy = lm.copy({ temperature: 1, rolloutId: 3 })
    expect(copy.history).toHaveLength(0)
    expect(copy.usage).toEqual({})
    expect(copy.kwargs).toEqual({ temperature: 1, maxTokens: 100, rolloutId: 3 })
    expect(lm.kwargs).toEqual({ temperature: 0, maxTokens: 100 })
    await copy.call('copied')
    expect(lm.history).toHaveLength(1)
    expect(copy.history).toHaveLength(1)
    expect(await copy.getLanguageModel()).toBe(model)
  })

  it('removes options set to undefined and can switch models', () => {
    const lm = new LM(createFakeLanguageModel(), { temperature: 0.7, maxTokens: 10, rolloutId: 1, cache: false })
    const copy = lm.copy({ rolloutId: undefined, maxTokens: undefined, cache: undefined })
    expect(copy.kwargs).toEqual({ temperature: 0.7 })
    expect(copy.cache).toBe(true)
    const other = lm.copy({ model: createFakeLanguageModel({ modelId: 'other' }) })
    expect(other.model).toBe('fake/other')
    expect(other.kwargs).toEqual(lm.kwargs)
  })
})

describe('LM construction', () => {
  it('rejects malformed model strings, other model types and bad numRetries', () => {
    expect(() => new LM('gpt-4o-mini')).toThrow(LMConfigurationError)
    expect(() => new LM('openai/')).toThrow(/Invalid model string/)
    expect(() => new LM('fake/m', { modelType: 'text' as 'chat' })).toThrow(/not supported/)
    expect(() => new LM('fake/m', { numRetries: -1 })).toThrow(/numRetries/)
    const lm = new LM('fake/m')
    expect([lm.model, lm.modelType, lm.cache, lm.numRetries]).toEqual(['fake/m', 'chat', true, 3])
  })

  it('applies DSPy’s rule for OpenAI reasoning models', () => {
    expect(() => new LM('openai/gpt-5', { temperature: 0.7 })).toThrow(/reasoning models/)
    expect(() => new LM('openai/o3-mini', { maxTokens: 1000 })).toThrow(LMConfigurationError)
    expect(() => new LM('openai/gpt-5', { temperature: 1, maxTokens: 16_000 })).not.toThrow()
    expect(() => new LM('openai/gpt-5-chat', { temperature: 0.7 })).not.toThrow()
    expect(() => new LM('openai/o1', { temperature: 0 })).not.toThrow()
  })
})

describe('LM.resolvedLanguageModel', () => {
  it('is the model given directly, and unknown for a model string until it is resolved', async () => {
    const model = createFakeLanguageModel()
    expect(new LM(model).resolvedLanguageModel).toBe(model)
    registerProvider('resolvedtest', () => model)
    const lm = new LM('resolvedtest/x')
    expect(lm.resolvedLanguageModel).toBeUndefined()
    expect(await lm.getLanguageModel()).toBe(model)
    expect(lm.resolvedLanguageModel).toBe(model)
    unregisterProvider('resolvedtest')
  })
})
