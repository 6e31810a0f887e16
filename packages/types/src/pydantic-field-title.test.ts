import { describe, expect, it } from 'vitest'
import { pydanticFieldTitle } from './pydantic-field-title.js'

describe('pydanticFieldTitle', () => {
  // Expected values are what pydantic 2.13 printed for these field names.
  it.each([
    ['name', 'Name'],
    ['zip_code', 'Zip Code'],
    ['userID', 'Userid'],
    ['field2name', 'Field2Name'],
    ['a__b', 'A  B'],
    ['ÄbcDef', 'Äbcdef'],
    ['x', 'X'],
    ['t1', 'T1'],
    ['trailing_', 'Trailing'],
  ])('%s -> %s', (name, title) => {
    expect(pydanticFieldTitle(name)).toBe(title)
  })
})
