import { describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import type { CachedResult, CacheStore } from './cache-store.js'
import { LM } from './lm.js'
import type { LMWarning } from './lm-warning.js'

const result = (text: string): CachedResult => ({ choices: [{ text, finishReason: 'stop' }] })

function mapStore(): CacheStore & { readonly entries: Map<string, unknown>; reads: number } {
  const entries = new Map<string, unknown>()
  return {
    entries,
    reads: 0,
    async get(key) {
      this.reads += 1
      return entries.get(key) as CachedResult | undefined
    },
    async set(key, value) {
      entries.set(key, value)
    },
    async delete(key) {
      entries.delete(key)
    },
  }
}

describe('Cache', () => {
  it('answers from memory and hands out copies', async () => {
    const cache = new Cache()
    await cache.put('k', result('a'))
    const first = (await cache.get('k')) as unknown as { choices: { text: string }[] }
    Object.assign(first.choices[0] ?? {}, { text: 'changed' })
    expect(first.choices[0]?.text).toBe('changed')
    expect((await cache.get('k'))?.choices[0]?.text).toBe('a')
    expect(await cache.get('missing')).toBeUndefined()
    expect(cache.memorySize).toBe(1)
  })

  it('promotes a store hit into memory', async () => {
    const store = mapStore()
    store.entries.set('k', result('stored'))
    const cache = new Cache({ store })
    expect((await cache.get('k'))?.choices[0]?.text).toBe('stored')
    expect((await cache.get('k'))?.choices[0]?.text).toBe('stored')
    expect(store.reads).toBe(1)
  })

  it('writes both levels, and the store alone survives resetMemoryCache', async () => {
    const store = mapStore()
    const cache = new Cache({ store })
    await cache.put('k', result('a'))
    expect(store.entries.has('k')).toBe(true)
    cache.resetMemoryCache()
    expect(cache.memorySize).toBe(0)
    expect((await cache.get('k'))?.choices[0]?.text).toBe('a')
  })

  it('evicts the least recently used entry beyond memoryMaxEntries', async () => {
    const cache = new Cache({ memoryMaxEntries: 2 })
    await cache.put('a', result('a'))
    await cache.put('b', result('b'))
    await cache.get('a')
    await cache.put('c', result('c'))
    expect(await cache.get('b')).toBeUndefined()
    expect(await cache.get('a')).toBeDefined()
    expect(() => new Cache({ memoryMaxEntries: 0 })).toThrow(RangeError)
    expect(new Cache({ memoryMaxEntries: Number.POSITIVE_INFINITY }).memorySize).toBe(0)
  })

  it('can skip memory entirely', async () => {
    const store = mapStore()
    const cache = new Cache({ enableMemoryCache: false, store })
    await cache.put('k', result('a'))
    await cache.get('k')
    await cache.get('k')
    expect(store.reads).toBe(2)
    expect(cache.memorySize).toBe(0)
  })

  it('turns store failures into warnings and misses', async () => {
    const warnings: LMWarning[] = []
    const failing: CacheStore = {
      get: async () => {
        throw new Error('read down')
      },
      set: async () => {
        throw new Error('write down')
      },
      delete: async () => undefined,
    }
    const cache = new Cache({ store: failing, enableMemoryCache: false, onWarning: (warning) => warnings.push(warning) })
    await cache.put('k', result('a'))
    expect(await cache.get('k')).toBeUndefined()
    expect(warnings.map((warning) => warning.code)).toEqual(['cache-write-failed', 'cache-read-failed'])
    const perCall: LMWarning[] = []
    await cache.get('k', { onWarning: (warning) => perCall.push(warning), model: 'fake/m' })
    expect(perCall).toMatchObject([{ code: 'cache-read-failed', model: 'fake/m' }])
    expect(warnings).toHaveLength(2)
  })

  it('removes an entry of the wrong shape that a store returns', async () => {
    const store = mapStore()
    store.entries.set('k', { text: 'no choices' })
    const warnings: LMWarning[] = []
    const cache = new Cache({ store, onWarning: (warning) => warnings.push(warning) })
    expect(await cache.get('k')).toBeUndefined()
    expect(store.entries.has('k')).toBe(false)
    expect(warnings[0]?.code).toBe('cache-read-failed')
  })
})

describe('Cache entries checked as fresh results', () => {
  const malformed: readonly [string, unknown][] = [
    ['no choices', { choices: [] }],
    ['a number as text', { choices: [{ text: 12345, finishReason: 'stop' }] }],
    ['a text without choices', { text: 12345 }],
    ['an unknown finish reason', { choices: [{ text: 'stale', finishReason: 'finished' }] }],
  ]

  it.each(malformed)('ignores a stored entry with %s, calls the model and rewrites it', async (_name, entry) => {
    const store = mapStore()
    const cache = new Cache({ store })
    const model = createFakeLanguageModel({ respond: () => 'fresh' })
    const warnings: LMWarning[] = []
    const lm = new LM(model, { responseCache: cache, onWarning: (warning) => warnings.push(warning) })
    const first = await lm.call('Say hi.')
    const [key] = [...store.entries.keys()]
    if (key === undefined) throw new Error('nothing was cached')
    store.entries.set(key, entry)
    cache.resetMemoryCache()

    const answer = await lm.call('Say hi.')
    expect(answer).toMatchObject({ cacheHit: false, outputs: [{ text: 'fresh', finishReason: 'stop' }] })
    expect(model.requests).toHaveLength(2)
    expect(warnings).toMatchObject([{ code: 'cache-read-failed', model: 'fake/fake-model' }])
    expect(warnings[0]?.message).toContain('does not hold a usable result')
    expect(store.entries.get(key)).toEqual({ choices: first.result.choices, usage: first.result.usage, responseModel: 'fake-model-2025' })
    cache.resetMemoryCache()
    expect((await lm.call('Say hi.')).cacheHit).toBe(true)
    expect(model.requests).toHaveLength(2)
  })

  it('does not answer n completions from an entry holding fewer, and replaces it', async () => {
    const store = mapStore()
    const cache = new Cache({ store })
    const model = createFakeLanguageModel()
    const warnings: LMWarning[] = []
    const lm = new LM(model, { responseCache: cache, onWarning: (warning) => warnings.push(warning) })
    await lm.call('Say hi.', { n: 3, temperature: 1 })
    const [key] = [...store.entries.keys()]
    if (key === undefined) throw new Error('nothing was cached')
    await cache.put(key, result('only one'))
    const answer = await lm.call('Say hi.', { n: 3, temperature: 1 })
    expect(answer.cacheHit).toBe(false)
    expect(answer.outputs).toHaveLength(3)
    expect(warnings).toMatchObject([{ code: 'cache-read-failed', message: expect.stringContaining('holds 1 completions where 3 were asked for') }])
    expect((await cache.get(key))?.choices).toHaveLength(3)
  })

  it('refuses to store a result a lookup would refuse, keeping what the key had', async () => {
    const store = mapStore()
    const warnings: LMWarning[] = []
    const cache = new Cache({ store, onWarning: (warning) => warnings.push(warning) })
    await cache.put('k', result('kept'))
    await cache.put('k', { choices: [] })
    await cache.put('k', { choices: [{ text: 12345 as unknown as string, finishReason: 'stop' }] }, { model: 'fake/m' })
    expect((await cache.get('k'))?.choices[0]?.text).toBe('kept')
    expect((store.entries.get('k') as CachedResult).choices[0]?.text).toBe('kept')
    expect(warnings).toMatchObject([
      { code: 'cache-write-failed', message: 'Not caching the result for k: choices is empty: an answer has at least one completion.' },
      {
        code: 'cache-write-failed',
        model: 'fake/m',
        message: 'Not caching the result for k: choices[0].text is the number 12345, not a string or null.',
      },
    ])
  })
})
