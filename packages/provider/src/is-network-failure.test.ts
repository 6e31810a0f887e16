import { describe, expect, it } from 'vitest'
import { describeNetworkFailure, isNetworkFailure } from './is-network-failure.js'

describe('isNetworkFailure', () => {
  it("recognises undici's connection failures", () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
    expect(isNetworkFailure(refused)).toBe(true)
    expect(isNetworkFailure(new TypeError('terminated'))).toBe(true)
    expect(isNetworkFailure(new TypeError('other', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true)
    expect(describeNetworkFailure(refused)).toBe('fetch failed (connect ECONNREFUSED)')
  })

  it('rejects other errors', () => {
    expect(isNetworkFailure(new TypeError('Failed to parse URL'))).toBe(false)
    expect(isNetworkFailure(new Error('fetch failed'))).toBe(false)
    expect(describeNetworkFailure(new TypeError('terminated'))).toBe('terminated')
  })
})
