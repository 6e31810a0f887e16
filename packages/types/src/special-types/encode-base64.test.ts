import { describe, expect, it } from 'vitest'
import { encodeBase64 } from './encode-base64.js'

describe('encodeBase64', () => {
  it.each([
    ['', ''],
    ['a', 'YQ=='],
    ['ab', 'YWI='],
    ['abc', 'YWJj'],
  ])('%j', (text, expected) => {
    expect(encodeBase64(new TextEncoder().encode(text))).toBe(expected)
  })

  it('matches Buffer on every byte value and on input longer than one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, index) => (index * 7) % 256)
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
