import { describe, expect, it } from 'vitest'
import { firstJsonObjectText } from './first-json-object-text.js'

describe('firstJsonObjectText', () => {
  it('finds the first balanced braces, nested ones included', () => {
    expect(firstJsonObjectText('Sure: {"a": {"b": 1}} and {"c": 2}')).toBe('{"a": {"b": 1}}')
  })

  it('skips a start whose braces never balance, as the recursive pattern does', () => {
    expect(firstJsonObjectText('{ broken {"note": "x", "m": {}}')).toBe('{"note": "x", "m": {}}')
  })

  it('gives undefined without braces', () => {
    expect(firstJsonObjectText('no json')).toBeUndefined()
    expect(firstJsonObjectText('{ never closed')).toBeUndefined()
  })
})
