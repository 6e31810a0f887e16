import { describe, expect, it } from 'vitest'
import { pythonObjectRepr } from './python-object-repr.js'

describe('pythonObjectRepr', () => {
  it('prints JSON-like values as Python does', () => {
    expect(pythonObjectRepr({ a: [1, 2.5, true, null], "it's": 'say "hi"', n: {} })).toBe(
      `{'a': [1, 2.5, True, None], "it's": 'say "hi"', 'n': {}}`,
    )
    expect(pythonObjectRepr(undefined)).toBe('None')
    expect(pythonObjectRepr(10n)).toBe('10')
  })

  it('leaves out undefined properties, as they do not exist in Python', () => {
    expect(pythonObjectRepr({ a: 1, b: undefined })).toBe("{'a': 1}")
  })

  it('uses the repr() of a nested special value', () => {
    expect(pythonObjectRepr([{ x: { repr: () => 'Image(url=...)' } }])).toBe("[{'x': Image(url=...)}]")
  })

  it('names functions', () => {
    expect(pythonObjectRepr(function search() {})).toBe('<function search>')
    expect(pythonObjectRepr(() => 1)).toBe('<function <lambda>>')
  })
})
