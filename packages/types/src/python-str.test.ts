import { describe, expect, it } from 'vitest'
import { pythonStr } from './python-str.js'
import type { TypeNode } from './type-node.js'

const float: TypeNode = { kind: 'float' }
const int: TypeNode = { kind: 'int' }
const optionalFloat: TypeNode = { kind: 'union', options: [float, { kind: 'none' }], syntax: 'typing' }

describe('pythonStr', () => {
  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    ['Ünïcödé ✓ 日本語', 'Ünïcödé ✓ 日本語'],
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [undefined, 'None'],
    [1, '1'],
    [-3, '-3'],
    [0.5, '0.5'],
    [0.00001, '1e-05'],
    [1e16, '10000000000000000'],
    [1.25e-7, '1.25e-07'],
    [0.1 + 0.2, '0.30000000000000004'],
    [Number.NaN, 'nan'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
    [12345678901234567890n, '12345678901234567890'],
  ])('case %# -> %s', (value, expected) => {
    expect(pythonStr(value)).toBe(expected)
  })

  it('prints integral numbers as floats where the type says float', () => {
    expect(pythonStr(1, float)).toBe('1.0')
    expect(pythonStr(-0, float)).toBe('-0.0')
    expect(pythonStr(1e16, float)).toBe('1e+16')
    expect(pythonStr(1, int)).toBe('1')
    expect(pythonStr(2.5, int)).toBe('2.5')
  })

  it('follows the union option the value belongs to', () => {
    expect(pythonStr(1, optionalFloat)).toBe('1.0')
    expect(pythonStr(null, optionalFloat)).toBe('None')
    const intOrFloat: TypeNode = { kind: 'union', options: [float, int], syntax: 'typing' }
    expect(pythonStr(1, intOrFloat)).toBe('1')
    expect(pythonStr(1.5, intOrFloat)).toBe('1.5')
  })

  it('prints lists and dicts as Python repr', () => {
    expect(pythonStr(['a', 1, null, true, 0.5])).toBe("['a', 1, None, True, 0.5]")
    expect(pythonStr(["it's", 'say "hi"'])).toBe(`["it's", 'say "hi"']`)
    expect(pythonStr({ name: 'A', age: 1, tags: [] })).toBe("{'name': 'A', 'age': 1, 'tags': []}")
    expect(pythonStr({})).toBe('{}')
    expect(pythonStr([])).toBe('[]')
  })

  it('uses the type for numbers inside lists, tuples, dicts and models', () => {
    expect(pythonStr([1, 2], { kind: 'list', items: float, unique: false })).toBe('[1.0, 2.0]')
    expect(pythonStr([1, 2], { kind: 'tuple', items: [float, int] })).toBe('[1.0, 2]')
    expect(pythonStr({ a: 1 }, { kind: 'dict', keys: { kind: 'str' }, values: float })).toBe("{'a': 1.0}")
    const model: TypeNode = {
      kind: 'model',
      name: 'Point',
      description: undefined,
      fields: [
        { name: 'x', type: float, required: true, hasDefault: false },
        { name: 'n', type: int, required: true, hasDefault: false },
      ],
    }
    expect(pythonStr({ x: 3, n: 3 }, model)).toBe("{'x': 3.0, 'n': 3}")
  })
})
