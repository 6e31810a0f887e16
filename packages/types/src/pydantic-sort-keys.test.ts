import { describe, expect, it } from 'vitest'
import { sortPydanticKeys } from './pydantic-sort-keys.js'

describe('sortPydanticKeys', () => {
  it('sorts schema keys but keeps property declaration order', () => {
    const sorted = sortPydanticKeys({
      type: 'object',
      properties: { zeta: { type: 'string', title: 'Zeta' }, alpha: { type: 'integer', title: 'Alpha' } },
      title: 'M',
      $defs: { Person: {}, Address: {} },
    })
    expect(JSON.stringify(sorted)).toBe(
      '{"$defs":{"Address":{},"Person":{}},"properties":{"zeta":{"title":"Zeta","type":"string"},"alpha":{"title":"Alpha","type":"integer"}},"title":"M","type":"object"}',
    )
  })

  it('keeps the top level of a default but sorts objects inside it, as pydantic does', () => {
    // pydantic 2.13: {"z": {"y": 1, "x": 2}, "a": [{"q": 1, "p": 2}]} -> {"z": {"x": 2, "y": 1}, "a": [{"p": 2, "q": 1}]}
    const sorted = sortPydanticKeys({ default: { z: { y: 1, x: 2 }, a: [{ q: 1, p: 2 }] }, title: 'Obj' })
    expect(JSON.stringify(sorted)).toBe('{"default":{"z":{"x":2,"y":1},"a":[{"p":2,"q":1}]},"title":"Obj"}')
  })

  it('does not sort the schema of a field named "default" or "properties"', () => {
    const sorted = sortPydanticKeys({ properties: { default: { type: 'integer', default: 5, title: 'Default' } } })
    expect(Object.keys(sorted.properties.default)).toEqual(['type', 'default', 'title'])
  })

  it('leaves lists in order and does not change its input', () => {
    const input = { required: ['b', 'a'], enum: [3, 1, 2] }
    expect(sortPydanticKeys(input)).toEqual({ enum: [3, 1, 2], required: ['b', 'a'] })
    expect(Object.keys(input)).toEqual(['required', 'enum'])
  })
})
