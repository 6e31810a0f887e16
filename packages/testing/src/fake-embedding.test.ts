import { describe, expect, it } from 'vitest'
import { fakeEmbedding } from './fake-embedding.js'

describe('fakeEmbedding', () => {
  it('gives equal texts equal unit vectors of the asked length, and other texts other vectors', () => {
    const vector = fakeEmbedding('Why is the sky blue?', 4)
    expect(vector).toHaveLength(4)
    expect(fakeEmbedding('Why is the sky blue?', 4)).toEqual(vector)
    expect(fakeEmbedding('Why is grass green?', 4)).not.toEqual(vector)
    expect(Math.hypot(...vector)).toBeCloseTo(1, 4)
    expect(fakeEmbedding('')).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
  })
})
