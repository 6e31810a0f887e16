import { describe, expect, it } from 'vitest'
import { BoundedHistory } from './bounded-history.js'

describe('BoundedHistory', () => {
  it('keeps the last `limit` entries, oldest first, across many compactions', () => {
    const history = new BoundedHistory<number>(3)
    for (let value = 1; value <= 10; value += 1) {
      history.push(value)
      const expected = Array.from({ length: Math.min(value, 3) }, (_, index) => value - Math.min(value, 3) + 1 + index)
      expect(history.entries()).toEqual(expected)
      expect(history.length).toBe(expected.length)
    }
  })

  it('keeps nothing with a limit of 0, and clears', () => {
    const none = new BoundedHistory<string>(0)
    none.push('a')
    expect(none.entries()).toEqual([])
    const some = new BoundedHistory<string>(2)
    some.push('a')
    some.clear()
    expect(some.entries()).toEqual([])
  })
})
