import { describe, expect, it } from 'vitest'
import { describeNetworkFailure, isCertificateFailure, isNetworkFailure } from './is-network-failure.js'

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

describe('isCertificateFailure', () => {
  it('tells a certificate or TLS failure from a connection that may come back', () => {
    const failure = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      expect(isCertificateFailure(failure(code)), code).toBe(true)
    }
    expect(isCertificateFailure(failure('ECONNRESET'))).toBe(false)
  })
})
