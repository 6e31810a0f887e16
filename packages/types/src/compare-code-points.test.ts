import { describe, expect, it } from 'vitest'
import { compareCodePoints } from './compare-code-points.js'

describe('compareCodePoints', () => {
  it('orders ASCII keys like Python sorted()', () => {
    expect(['type', 'title', '$defs', 'anyOf', 'Z'].sort(compareCodePoints)).toEqual(['$defs', 'Z', 'anyOf', 'title', 'type'])
  })

  it('puts a prefix before its extensions', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0)
    expect(compareCodePoints('abc', 'ab')).toBeGreaterThan(0)
    expect(compareCodePoints('same', 'same')).toBe(0)
  })

  it('orders astral characters after the rest of the BMP, as code points do', () => {
    // U+1F600 is above U+FFFD; UTF-16 code units would put it first.
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0)
    expect('\u{1F600}' < '\uFFFD').toBe(true)
  })
})
