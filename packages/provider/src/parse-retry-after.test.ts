import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './parse-retry-after.js'

describe('parseRetryAfter', () => {
  it('reads retry-after-ms first, then retry-after in seconds', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '150', 'retry-after': '9' })).toBe(150)
    expect(parseRetryAfter({ 'Retry-After': '2' })).toBe(2000)
    expect(parseRetryAfter({ 'retry-after': '0.5' })).toBe(500)
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3000)
  })

  it('reads an HTTP date relative to now, a past date as 0', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }, now)).toBe(5000)
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }, now)).toBe(0)
  })

  it('gives undefined for missing or unusable values', () => {
    expect(parseRetryAfter({})).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after-ms': '-5', 'retry-after': '' })).toBeUndefined()
  })
})
