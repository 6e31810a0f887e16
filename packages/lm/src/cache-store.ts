import type { GenerateChoice, Usage } from '@dspex/provider'

/** What the cache keeps of a model call: its completions, usage and answering model (not the raw response). */
export interface CachedResult {
  readonly choices: readonly GenerateChoice[]
  readonly usage?: Usage
  readonly responseModel?: string
}

/**
 * A persistent level of the {@link Cache}, keyed by cache key (64 hex characters). `DiskCacheStore`
 * is the default; implement this to keep entries elsewhere (Redis, a database).
 *
 * Contract: `get` resolves `undefined` on a miss. A store that finds an entry it cannot read should
 * remove it and throw (a `CacheEntryCorruptError`); any error a store throws is reported as a
 * warning and the lookup counts as a miss, so a broken store never fails a call. The `Cache` checks
 * what `get` returns as it would a fresh result, and removes an entry of the wrong shape itself.
 *
 * @example
 * ```ts
 * const redisStore: CacheStore = {
 *   async get(key) { const text = await redis.get(`dspex:${key}`); return text === null ? undefined : JSON.parse(text) },
 *   async set(key, value) { await redis.set(`dspex:${key}`, JSON.stringify(value)) },
 *   async delete(key) { await redis.del(`dspex:${key}`) },
 * }
 * ```
 */
export interface CacheStore {
  get(key: string): Promise<CachedResult | undefined>
  set(key: string, value: CachedResult): Promise<void>
  delete(key: string): Promise<void>
  /** Removes every entry, when the store can. */
  clear?(): Promise<void>
}
