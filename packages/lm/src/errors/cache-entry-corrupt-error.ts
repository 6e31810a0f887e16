import { DSPexError } from '@dspex/core'

/**
 * A stored cache entry that could not be read back (partial write, foreign file, wrong shape).
 * Stores throw it after removing the entry; the `Cache` reports it as a warning and treats the
 * lookup as a miss.
 */
export class CacheEntryCorruptError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.cache-entry-corrupt')
  declare readonly code: 'cache-entry-corrupt'
  /** The cache key of the entry. */
  readonly key: string
  /** Where the entry was stored (a file path for the disk store), when the store knows. */
  readonly location: string | undefined

  constructor({ message, key, location, cause }: { message: string; key: string; location?: string; cause?: unknown }) {
    super({ message, code: 'cache-entry-corrupt', cause })
    this.key = key
    this.location = location
  }
}
