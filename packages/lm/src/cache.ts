import { LRUCache } from 'lru-cache'
import type { CachedResult, CacheStore } from './cache-store.js'
import { checkCachedResult } from './check-cached-result.js'
import { CacheEntryCorruptError } from './errors/cache-entry-corrupt-error.js'
import { emitWarning, type LMWarningHandler } from './lm-warning.js'

/** Options of {@link Cache}. */
export interface CacheOptions {
  /** Keep entries in an in-memory LRU in front of the store. Default `true`. */
  readonly enableMemoryCache?: boolean
  /** How many entries the memory level holds (DSPy's default, 1,000,000). `Infinity` for no limit. */
  readonly memoryMaxEntries?: number
  /** The persistent level (a `DiskCacheStore`, or your own); none for memory only. */
  readonly store?: CacheStore
  /** Receives cache warnings when an operation passes no handler of its own. */
  readonly onWarning?: LMWarningHandler
}

/** Options of one cache operation. */
export interface CacheOperationOptions {
  /** Receives the warnings of this operation instead of the cache's own handler. */
  readonly onWarning?: LMWarningHandler
  /** The model string the warnings name. */
  readonly model?: string
}

/**
 * DSPy's two-level response cache: an in-memory LRU in front of a persistent {@link CacheStore}.
 * A lookup tries memory, then the store (a store hit is copied into memory); a put writes both. An entry
 * the store returns is checked as a fresh result would be: one that is not (no choices, a number as text)
 * is removed and counts as a miss, so the next call rewrites it.
 * Values are copied in and out, so callers may change what they get. Store failures become
 * warnings, never errors.
 *
 * @example
 * ```ts
 * const cache = new Cache({ store: new DiskCacheStore({ directory: '.dspex_cache' }) })
 * const lm = new LM(model, { responseCache: cache })
 * ```
 * @see DSPy's `dspy.clients.cache.Cache`.
 */
export class Cache {
  /** The persistent level, if any. */
  readonly store: CacheStore | undefined
  readonly #memory: LRUCache<string, CachedResult> | undefined
  readonly #onWarning: LMWarningHandler | undefined

  constructor({ enableMemoryCache = true, memoryMaxEntries = 1_000_000, store, onWarning }: CacheOptions = {}) {
    if (!(memoryMaxEntries > 0)) throw new RangeError(`Cache: memoryMaxEntries must be above 0, got ${memoryMaxEntries}`)
    // Sized by `maxSize` rather than `max`, which would allocate every slot up front.
    const maxSize = Number.isFinite(memoryMaxEntries) ? Math.floor(memoryMaxEntries) : Number.MAX_SAFE_INTEGER
    this.#memory = enableMemoryCache ? new LRUCache<string, CachedResult>({ maxSize, sizeCalculation: () => 1 }) : undefined
    this.store = store
    this.#onWarning = onWarning
  }

  /** How many entries the memory level holds now. */
  get memorySize(): number {
    return this.#memory?.size ?? 0
  }

  /** The result stored under `key`, or `undefined` on a miss (a failing store counts as a miss). */
  async get(key: string, options: CacheOperationOptions = {}): Promise<CachedResult | undefined> {
    const remembered = this.#memory?.get(key)
    if (remembered !== undefined) return structuredClone(remembered)
    if (this.store === undefined) return undefined
    let stored: CachedResult | undefined
    try {
      stored = await this.store.get(key)
    } catch (error) {
      this.#warn(options, 'cache-read-failed', `Reading cache entry ${key} failed; calling the model instead.`, error)
      return undefined
    }
    if (stored === undefined) return undefined
    const problem = checkCachedResult(stored)
    if (problem !== undefined) {
      await this.store.delete(key).catch(() => undefined)
      const error = new CacheEntryCorruptError({ message: `Cache entry ${key} does not hold a usable result (${problem}); it was removed.`, key })
      this.#warn(options, 'cache-read-failed', error.message, error)
      return undefined
    }
    this.#memory?.set(key, structuredClone(stored))
    return structuredClone(stored)
  }

  /**
   * Stores `value` under `key` in memory and in the store (a failing store only warns). A value a lookup would
   * refuse (no choices, a choice of the wrong shape) is not stored: it only warns, and the key keeps what it had.
   */
  async put(key: string, value: CachedResult, options: CacheOperationOptions = {}): Promise<void> {
    const problem = checkCachedResult(value)
    if (problem !== undefined) {
      this.#warn(options, 'cache-write-failed', `Not caching the result for ${key}: ${problem}.`, undefined)
      return
    }
    const copy = structuredClone(value)
    this.#memory?.set(key, copy)
    if (this.store === undefined) return
    try {
      await this.store.set(key, copy)
    } catch (error) {
      this.#warn(options, 'cache-write-failed', `Writing cache entry ${key} failed; the result was not persisted.`, error)
    }
  }

  /** Empties the memory level (DSPy's `reset_memory_cache`); the store keeps its entries. */
  resetMemoryCache(): void {
    this.#memory?.clear()
  }

  #warn(options: CacheOperationOptions, code: 'cache-read-failed' | 'cache-write-failed', message: string, cause: unknown): void {
    const handler = options.onWarning ?? this.#onWarning
    emitWarning(handler, {
      code,
      message,
      ...(cause === undefined ? {} : { cause }),
      ...(options.model === undefined ? {} : { model: options.model }),
    })
  }
}
