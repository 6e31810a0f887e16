import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { ContainerEnds } from './container-ends.js'
import { findContainerEnd } from './prepare-for-json-repair.js'

describe('ContainerEnds', () => {
  it('finds where each bracket closes, as findContainerEnd does', () => {
    const ends = new ContainerEnds('(a [b] "c)" (d)')
    expect(ends.endOf(0)).toEqual(findContainerEnd('(a [b] "c)" (d)', 0))
    expect(ends.endOf(3)).toEqual({ end: 6, closed: true })
    expect(ends.endOf(12)).toEqual({ end: 15, closed: true })
    expect(new ContainerEnds('(((').endOf(1)).toEqual({ end: 3, closed: false })
  })

  it('agrees with findContainerEnd on every bracket of 20,000 random texts (quotes, escapes, mismatched brackets)', () => {
    const pieces = ['(', ')', '[', ']', '{', '}', '"', "'", '“', '”', '\\', 'a', ' ', '\\"', "\\'"]
    const next = seededRandom(3)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, pieces, 16)
      const ends = new ContainerEnds(text)
      for (let index = 0; index < text.length; index += 1) {
        if ('([{'.includes(text[index] as string))
          expect(ends.endOf(index), `${JSON.stringify(text)} at ${index}`).toEqual(findContainerEnd(text, index))
      }
    }
  })

  it('works out 500,000 nested parentheses in one pass', () => {
    const text = `${'(\n'.repeat(500_000)}${')'.repeat(500_000)}x`
    const ends = new ContainerEnds(text)
    expect(ends.endOf(0)).toEqual({ end: text.length - 1, closed: true })
    expect(ends.endOf(999_998)).toEqual({ end: 1_000_001, closed: true })
  })
})
