import { describe, expect, it } from 'vitest'
import { deepFreezeJSON } from './json-schema-object.js'

describe('deepFreezeJSON', () => {
  it('freezes every object and list inside a value and returns it', () => {
    const value = { a: { b: [1, { c: 2 }] } }
    expect(deepFreezeJSON(value)).toBe(value)
    expect(Object.isFrozen(value.a)).toBe(true)
    expect(Object.isFrozen(value.a.b)).toBe(true)
    expect(Object.isFrozen(value.a.b[1])).toBe(true)
  })

  it('leaves scalars alone', () => {
    expect(deepFreezeJSON(3)).toBe(3)
    expect(deepFreezeJSON(null)).toBe(null)
  })
})
