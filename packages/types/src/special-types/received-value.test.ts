import { describe, expect, it } from 'vitest'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'

describe('received-value helpers', () => {
  it('isPlainRecord accepts only plain objects', () => {
    expect(isPlainRecord({})).toBe(true)
    expect(isPlainRecord(Object.create(null))).toBe(true)
    expect(isPlainRecord([])).toBe(false)
    expect(isPlainRecord(new Uint8Array())).toBe(false)
    expect(isPlainRecord(new Date())).toBe(false)
    expect(isPlainRecord(null)).toBe(false)
  })

  it('receivedTypeName names what was given', () => {
    expect([null, [], {}, new Uint8Array(), 'x', 1, undefined].map(receivedTypeName)).toEqual([
      'null',
      'array',
      'object',
      'Uint8Array',
      'string',
      'number',
      'undefined',
    ])
  })

  it('receivedValueText prints like Python and cuts long values', () => {
    expect(receivedValueText({ a: true })).toBe("{'a': True}")
    expect(receivedValueText('x'.repeat(300))).toBe(`'${'x'.repeat(199)}...`)
  })
})
