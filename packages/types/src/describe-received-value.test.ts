import { describe, expect, it } from 'vitest'
import { describeReceivedValue } from './describe-received-value.js'

describe('describeReceivedValue', () => {
  it('describes scalars with their type', () => {
    expect(describeReceivedValue('abc')).toBe("'abc' (string)")
    expect(describeReceivedValue(3.5)).toBe('3.5 (number)')
    expect(describeReceivedValue(false)).toBe('false (boolean)')
    expect(describeReceivedValue(2n)).toBe('2 (bigint)')
    expect(describeReceivedValue(null)).toBe('null')
    expect(describeReceivedValue(undefined)).toBe('undefined')
  })
  it('shortens long strings', () => {
    const described = describeReceivedValue('x'.repeat(100))
    expect(described).toBe(`'${'x'.repeat(57)}...' (string)`)
  })
  it('summarises arrays, sets and objects', () => {
    expect(describeReceivedValue([1])).toBe('array of 1 item')
    expect(describeReceivedValue([1, 2])).toBe('array of 2 items')
    expect(describeReceivedValue(new Set([1, 2]))).toBe('set of 2 items')
    expect(describeReceivedValue({})).toBe('empty object')
    expect(describeReceivedValue({ name: 1, age: 2 })).toBe('object with keys name, age')
    expect(describeReceivedValue({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('object with keys a, b, c, d, e, ...')
  })
  it('names other types', () => {
    expect(describeReceivedValue(() => 1)).toBe('function')
  })
})
