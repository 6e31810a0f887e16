import { describe, expect, it } from 'vitest'
import { Cache } from './cache.js'
import type { CachedResult, CacheStore } from './cache-store.js'
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
