import { describe, expect, it } from 'vitest'
import { canonicalJSON } from './canonical-json.js'

describe('canonicalJSON', () => {
  it('sorts keys at every depth and writes compactly', () => {
    expect(canonicalJSON({ b: 1, a: [{ d: 2, c: 3 }], c: { z: null, y: 'é' } })).toBe('{"a":[{"c":3,"d":2}],"b":1,"c":{"y":"é","z":null}}')
  })

  it('matches JSON.stringify for undefined, functions, non-finite numbers and toJSON', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, Number.NaN, Number.POSITIVE_INFINITY], d: new Date(0) }
    expect(canonicalJSON(value)).toBe('{"c":[null,null,null],"d":"1970-01-01T00:00:00.000Z"}')
    expect(canonicalJSON(undefined)).toBe('null')
  })

  it('gives the same text whatever the key order', () => {
    expect(canonicalJSON({ x: 1, y: { q: 1, p: 2 } })).toBe(canonicalJSON({ y: { p: 2, q: 1 }, x: 1 }))
  })

  it('throws on a bigint or a cycle', () => {
    expect(() => canonicalJSON({ a: 1n })).toThrow(TypeError)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => canonicalJSON(cyclic)).toThrow(/cycle/)
  })

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 }
    expect(canonicalJSON([shared, shared])).toBe('[{"a":1},{"a":1}]')
  })
})
