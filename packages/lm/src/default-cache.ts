import { homedir } from 'node:os'
import { join } from 'node:path'
import { Cache } from './cache.js'
import type { CacheStore } from './cache-store.js'
import { DiskCacheStore } from './disk-cache-store.js'
import type { LMWarningHandler } from './lm-warning.js'

/** Options of {@link configureCache}, named after DSPy's `dspy.configure_cache`. */
export interface ConfigureCacheOptions {
  /** Keep entries on disk under {@link ConfigureCacheOptions.diskCacheDir}. Default `true`. */
  readonly enableDiskCache?: boolean
  /** Keep entries in memory. Default `true`. */
  readonly enableMemoryCache?: boolean
  /** Where disk entries go. Default `$DSPEX_CACHEDIR`, else `~/.dspex_cache`. */
  readonly diskCacheDir?: string
  /** How many entries memory holds. Default 1,000,000. */
  readonly memoryMaxEntries?: number
  /** A store to use instead of the disk (Redis...); overrides `enableDiskCache` and `diskCacheDir`. */
  readonly store?: CacheStore
  /** Receives cache warnings that no LM handles. */
  readonly onWarning?: LMWarningHandler
}

let defaultCache: Cache | undefined

/** The directory the default disk cache uses: `$DSPEX_CACHEDIR`, else `~/.dspex_cache`. */
export function defaultCacheDirectory(): string {
  const fromEnvironment = process.env.DSPEX_CACHEDIR
  return fromEnvironment !== undefined && fromEnvironment !== '' ? fromEnvironment : join(homedir(), '.dspex_cache')
}

/**
 * Replaces the cache every `LM` without its own `responseCache` uses, and returns it.
 *
 * @example
 * ```ts
 * configureCache({ enableDiskCache: false }) // memory only
 * configureCache({ diskCacheDir: './.cache/dspex', memoryMaxEntries: 10_000 })
 * ```
 * @see DSPy's `dspy.configure_cache`.
 */
export function configureCache({
  enableDiskCache = true,
  enableMemoryCache = true,
  diskCacheDir,
  memoryMaxEntries,
  store,
  onWarning,
}: ConfigureCacheOptions = {}): Cache {
  const persistent = store ?? (enableDiskCache ? new DiskCacheStore({ directory: diskCacheDir ?? defaultCacheDirectory() }) : undefined)
  defaultCache = new Cache({
    enableMemoryCache,
    ...(memoryMaxEntries === undefined ? {} : { memoryMaxEntries }),
    ...(persistent === undefined ? {} : { store: persistent }),
    ...(onWarning === undefined ? {} : { onWarning }),
  })
  return defaultCache
}

/**
 * The cache LMs use by default (DSPy's `dspy.cache`): memory plus disk under
 * {@link defaultCacheDirectory}, created on first use. The directory is created on the first write.
 */
export function getDefaultCache(): Cache {
  return defaultCache ?? configureCache()
}
