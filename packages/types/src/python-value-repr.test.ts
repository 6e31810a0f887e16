import { describe, expect, it } from 'vitest'
import { pythonValueRepr, pythonValueStr } from './python-value-repr.js'

describe('pythonValueRepr', () => {
  it('prints scalars as Python does', () => {
    expect(pythonValueRepr(null)).toBe('None')
    expect(pythonValueRepr(undefined)).toBe('None')
    expect(pythonValueRepr(true)).toBe('True')
    expect(pythonValueRepr(3)).toBe('3')
    expect(pythonValueRepr(1.5)).toBe('1.5')
    expect(pythonValueRepr(1e-5)).toBe('1e-05')
    expect(pythonValueRepr("it's")).toBe(`"it's"`)
    expect(pythonValueRepr('a')).toBe("'a'")
    expect(pythonValueRepr(12n)).toBe('12')
  })
  it('prints lists, dicts and sets', () => {
    expect(pythonValueRepr([1, 'a', null, [true]])).toBe("[1, 'a', None, [True]]")
    expect(pythonValueRepr({ a: 1, 'b c': ['x'] })).toBe("{'a': 1, 'b c': ['x']}")
    expect(pythonValueRepr({})).toBe('{}')
    expect(pythonValueRepr(new Set([1, 2]))).toBe('{1, 2}')
    expect(pythonValueRepr(new Set())).toBe('set()')
  })
})

describe('pythonValueStr', () => {
  it('keeps strings and prints anything else with repr', () => {
    expect(pythonValueStr('a b')).toBe('a b')
    expect(pythonValueStr(null)).toBe('None')
    expect(pythonValueStr([1, 2])).toBe('[1, 2]')
  })
})
