import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CachedResult } from './cache-store.js'
import { DiskCacheStore } from './disk-cache-store.js'
import { CacheEntryCorruptError } from './errors/cache-entry-corrupt-error.js'

const key = 'ab'.repeat(32)
const value: CachedResult = { choices: [{ text: 'hello', finishReason: 'stop' }], responseModel: 'm' }

describe('DiskCacheStore', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-disk-'))
  })
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('writes one file per key under a two-character folder and reads it back', async () => {
    const store = new DiskCacheStore({ directory })
    expect(await store.get(key)).toBeUndefined()
    await store.set(key, value)
    expect(store.pathOf(key)).toBe(join(directory, 'ab', `${key}.json`))
    expect(JSON.parse(await readFile(store.pathOf(key), 'utf8'))).toMatchObject({ key, value })
    expect(await new DiskCacheStore({ directory }).get(key)).toEqual(value)
  })

  it('leaves no temporary files after many concurrent writes of one key from two stores', async () => {
    const first = new DiskCacheStore({ directory })
    const second = new DiskCacheStore({ directory })
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? first : second).set(key, { choices: [{ text: `v${index}`, finishReason: 'stop' }] }),
      ),
    )
    expect(await readdir(join(directory, 'ab'))).toEqual([`${key}.json`])
    const read = await first.get(key)
    expect(read?.choices[0]?.text).toMatch(/^v\d+$/)
  })

  it('removes a truncated entry and throws CacheEntryCorruptError', async () => {
    const store = new DiskCacheStore({ directory })
    await store.set(key, value)
    const text = await readFile(store.pathOf(key), 'utf8')
    await writeFile(store.pathOf(key), text.slice(0, text.length / 2))
    const failure = await store.get(key).catch((error: unknown) => error)
    expect(CacheEntryCorruptError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'cache-entry-corrupt', key, location: store.pathOf(key) })
    expect(await store.get(key)).toBeUndefined()
  })

  it('treats an entry holding another key or no result as corrupt', async () => {
    const store = new DiskCacheStore({ directory })
    await store.set(key, value)
    await writeFile(store.pathOf(key), JSON.stringify({ key: 'cd'.repeat(32), value }))
    await expect(store.get(key)).rejects.toBeInstanceOf(CacheEntryCorruptError)
    await store.set(key, value)
    await writeFile(store.pathOf(key), JSON.stringify({ key, value: { text: 'no choices' } }))
    await expect(store.get(key)).rejects.toBeInstanceOf(CacheEntryCorruptError)
    expect(await store.get(key)).toBeUndefined()
  })

  it('removes an entry a fresh call could not give (no choices, a number as text) and names the problem', async () => {
    const store = new DiskCacheStore({ directory })
    for (const [bad, problem] of [
      [{ choices: [] }, 'choices is empty'],
      [{ choices: [{ text: 12345, finishReason: 'stop' }] }, 'choices[0].text is the number 12345, not a string or null'],
    ] as const) {
      await store.set(key, value)
      await writeFile(store.pathOf(key), JSON.stringify({ key, storedAt: new Date().toISOString(), value: bad }))
      const failure = await store.get(key).catch((error: unknown) => error)
      expect(CacheEntryCorruptError.isInstance(failure)).toBe(true)
      expect((failure as Error).message).toContain(problem)
      expect(await readdir(join(directory, 'ab'))).toEqual([])
    }
  })

  it('deletes and clears', async () => {
    const store = new DiskCacheStore({ directory })
    await store.set(key, value)
    await store.delete(key)
    await store.delete(key)
    expect(await store.get(key)).toBeUndefined()
    await store.set(key, value)
    await store.clear()
    expect(await store.get(key)).toBeUndefined()
  })

  it('rejects keys that could escape the directory', () => {
    const store = new DiskCacheStore({ directory })
    expect(() => store.pathOf('../../etc/passwd')).toThrow(TypeError)
    expect(() => store.pathOf('')).toThrow(TypeError)
  })
})
