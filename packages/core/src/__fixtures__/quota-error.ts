import { DSPexError } from '../index.js'

/** What went wrong with a quota: each code is a literal a caller can branch on. */
export type QuotaErrorCode = 'quota-exceeded' | 'quota-invalid'

/** A call over its quota, or a quota that is not a positive integer. */
export class QuotaError extends DSPexError {
  /** Its own marker: without one, constructing the class throws a TypeError. */
  static override readonly marker: symbol = Symbol.for('dspex.error.quota')
  /** The code, narrowed to this class's codes (`declare`: the root sets it). */
  declare readonly code: QuotaErrorCode
  /** The quota, in calls: a typed field, shown by toJSON and util.inspect. */
  readonly limit: number

  constructor(options: { message: string; code: QuotaErrorCode; limit: number; cause?: unknown }) {
    super(options)
    this.limit = options.limit
  }
}

/** Counts one more call against `limit`. */
export function useQuota(used: number, limit: number): number {
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new QuotaError({ message: `The quota ${limit} is not a positive integer.`, code: 'quota-invalid', limit })
  }
  if (used >= limit) throw new QuotaError({ message: `Call ${used + 1} is over the quota of ${limit}.`, code: 'quota-exceeded', limit })
  return used + 1
}

/** What a caller reports: it branches on the class and the code, and lets every other error through. */
export function describeQuota(used: number, limit: number): string {
  try {
    return `${useQuota(used, limit)} of ${limit} calls used.`
  } catch (error) {
    if (QuotaError.isInstance(error) && error.code === 'quota-exceeded') return `Over the quota of ${error.limit}: ${JSON.stringify(error)}`
    throw error
  }
}
