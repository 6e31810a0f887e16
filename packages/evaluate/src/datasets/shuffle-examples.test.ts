import { Example } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import { sampleExamples, shuffle } from './shuffle-examples.js'

const range = (size: number): number[] => Array.from({ length: size }, (_, index) => index)

describe('shuffle', () => {
  it("gives Python's random.Random(seed).shuffle order (values printed by python3)", () => {
    expect(shuffle([1, 2, 3, 4, 5], 0)).toEqual([3, 2, 1, 5, 4])
    expect(shuffle(range(10), 42)).toEqual([7, 3, 2, 8, 5, 6, 9, 4, 0, 1])
    expect(shuffle(range(10), -1)).toEqual([6, 8, 9, 7, 5, 3, 0, 4, 1, 2])
    expect(shuffle(range(20), -2)).toEqual([7, 6, 17, 8, 19, 15, 13, 0, 3, 9, 14, 4, 10, 12, 16, 5, 11, 18, 2, 1])
  })

  it('leaves the input alone and keeps the same example objects', () => {
    const examples = [new Example({ a: 1 }), new Example({ a: 2 })]
    const shuffled = shuffle(examples, 0)
    expect(examples.map((example) => example.get('a'))).toEqual([1, 2])
    expect(new Set(shuffled)).toEqual(new Set(examples))
  })
})

describe('sampleExamples', () => {
  it("draws like Python's random.Random(seed).sample", () => {
    expect(sampleExamples(range(10), 3, 7)).toEqual([5, 2, 6])
  })
})
