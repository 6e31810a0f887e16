import { describe, expect, it } from 'vitest'
import { jsonErrorPosition } from './json-error-position.js'

describe('jsonErrorPosition', () => {
  it('is undefined for valid JSON', () => {
    for (const text of ['[]', ' {"a": [1, -2.5e3, "x\\n", true, null, {}]} ', '"s"', '0']) expect(jsonErrorPosition(text)).toBeUndefined()
  })

  it('points at the first offending character', () => {
    expect(jsonErrorPosition('[1, }')).toBe(4)
    expect(jsonErrorPosition('{"a" 1}')).toBe(5)
    expect(jsonErrorPosition('{"a": 1,}')).toBe(8)
    expect(jsonErrorPosition('[1] x')).toBe(4)
    expect(jsonErrorPosition('[1, 2')).toBe(5)
    expect(jsonErrorPosition("{'a': 1}")).toBe(1)
  })
})
