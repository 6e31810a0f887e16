import { describe, expect, it } from 'vitest'
import { firstJSONObjectText } from './first-json-object-text.js'

describe('firstJSONObjectText', () => {
  it('finds the first balanced braces, nested ones included', () => {
    expect(firstJSONObjectText('Sure: {"a": {"b": 1}} and {"c": 2}')).toBe('{"a": {"b": 1}}')
  })

  it('skips a start whose braces never balance, as the recursive pattern does', () => {
    expect(firstJSONObjectText('{ broken {"note": "x", "m": {}}')).toBe('{"note": "x", "m": {}}')
  })

  it('gives undefined without braces', () => {
    expect(firstJSONObjectText('no json')).toBeUndefined()
    expect(firstJSONObjectText('{ never closed')).toBeUndefined()
  })
})
