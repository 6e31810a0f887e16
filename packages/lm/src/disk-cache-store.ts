import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CachedResult, CacheStore } from './cache-store.js'
import { checkCachedResult } from './check-cached-result.js'
import { CacheEntryCorruptError } from './errors/cache-entry-corrupt-error.js'

/** Options of {@link DiskCacheStore}. */
export interface DiskCacheStoreOptions {
  /** The directory entries are written under; created when the first entry is written. */
  readonly directory: string
}

/** The envelope each entry file holds. */
interface DiskCacheEntry {
  readonly key: string
  readonly storedAt: string
  readonly value: CachedResult
}

const keyPattern = /^[0-9A-Za-z_-]{1,200}$/

/**
 * A {@link CacheStore} that keeps one JSON file per key, under a two-character subdirectory
 * (`<directory>/ab/ab12….json`), so entries survive restarts.
 *
 * Writes go to a uniquely named temporary file that is then renamed over the entry, which is atomic
 * on one file system: processes sharing the directory never see half an entry, and the last writer
 * wins. An entry that does not parse, holds another key, or holds a result a fresh call could not give (no
 * choices, a number as text) is removed and reported (`CacheEntryCorruptError`), which the `Cache` treats as a
 * miss; the next call writes it again.
 *
 * @example
 * ```ts
 * const cache = new Cache({ store: new DiskCacheStore({ directory: '/tmp/dspex-cache' }) })
 * const lm = new LM('openai/gpt-4o-mini', { responseCache: cache })
 * ```
 * @see DSPy's disk level, `diskcache.FanoutCache` (`dspy/clients/cache.py`).
 */
export class DiskCacheStore implements CacheStore {
  /** The directory entries are written under. */
  readonly directory: string

  constructor({ directory }: DiskCacheStoreOptions) {
    this.directory = directory
  }

  /** The file an entry with `key` lives in. Keys outside `[0-9A-Za-z_-]` are rejected. */
  pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new TypeError(`DiskCacheStore: invalid cache key ${JSON.stringify(key)}`)
    return join(this.directory, key.slice(0, 2), `${key}.json`)
  }

  /**
   * The entry stored under `key`, or `undefined`.
   *
   * @throws CacheEntryCorruptError after removing an entry that cannot be read back.
   */
  async get(key: string): Promise<CachedResult | undefined> {
    const path = this.pathOf(key)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if (isMissingFile(error)) return undefined
      throw error
    }
    let entry: unknown
    try {
      entry = JSON.parse(text)
    } catch (error) {
      await removeQuietly(path)
      throw new CacheEntryCorruptError({ message: `Cache entry ${path} is not valid JSON; it was removed.`, key, location: path, cause: error })
    }
    const problem = entryProblem(entry, key)
    if (problem !== undefined) {
      await removeQuietly(path)
      throw new CacheEntryCorruptError({
        message: `Cache entry ${path} does not hold a usable result: ${problem}; it was removed.`,
        key,
        location: path,
      })
    }
    return (entry as DiskCacheEntry).value
  }

  /** Writes `value` under `key` atomically (temporary file, then rename). */
  async set(key: string, value: CachedResult): Promise<void> {
    const path = this.pathOf(key)
    const entry: DiskCacheEntry = { key, storedAt: new Date().toISOString(), value }
    const text = JSON.stringify(entry)
    await mkdir(join(this.directory, key.slice(0, 2)), { recursive: true })
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`
    try {
      await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' })
      await rename(temporary, path)
    } catch (error) {
      await removeQuietly(temporary)
      throw error
    }
  }

  /** Removes the entry under `key`, if any. */
  async delete(key: string): Promise<void> {
    await removeQuietly(this.pathOf(key))
  }

  /** Removes the whole directory and every entry in it. */
  async clear(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true })
  }
}

/** What is wrong with a parsed entry file: not an envelope, another key, or a value a fresh call could not give. */
function entryProblem(entry: unknown, key: string): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'the file does not hold an object'
  const { key: storedKey, value } = entry as { key?: unknown; value?: unknown }
  if (storedKey !== key) return typeof storedKey === 'string' ? `it holds the entry of key ${storedKey}` : 'it names no key'
  return checkCachedResult(value)
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT'
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path)
  } catch {
    // Already gone, or removed by another process.
  }
}
