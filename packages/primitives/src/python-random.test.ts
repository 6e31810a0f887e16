import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PythonRandomError } from './errors/python-random-error.js'
import { PythonRandom } from './python-random.js'

/** What python3 (CPython 3.11) printed for each seed; made by running the same calls on `random.Random(seed)`. */
interface Expected {
  random: number[]
  getrandbits: number[]
  big: string
  randint: number[]
  shuffle: number[]
  samplePool: number[]
  sampleSet: number[]
  choice: string
  uniform: number
  randrange: number[]
  after: number
}

const expectedBySeed = JSON.parse(readFileSync(new URL('./__fixtures__/python-random.json', import.meta.url), 'utf8')) as Record<string, Expected>

const range = (size: number): number[] => Array.from({ length: size }, (_, index) => index)

function parseSeed(text: string): number | bigint {
  const big = BigInt(text)
  return Number.isSafeInteger(Number(big)) ? Number(big) : big
}

describe('PythonRandom', () => {
  for (const [seedText, expected] of Object.entries(expectedBySeed)) {
    it(`reproduces random.Random(${seedText}) call for call`, () => {
      const rng = new PythonRandom(parseSeed(seedText))
      expect([rng.random(), rng.random(), rng.random()]).toEqual(expected.random)
      expect([0, 1, 7, 32, 33, 53].map((bits) => rng.getrandbits(bits))).toEqual(expected.getrandbits)
      expect(rng.getrandbitsBigInt(100).toString()).toBe(expected.big)
      expect(range(5).map(() => rng.randint(1, 100))).toEqual(expected.randint)
      const items = range(20)
      rng.shuffle(items)
      expect(items).toEqual(expected.shuffle)
      expect(rng.sample(range(20), 5)).toEqual(expected.samplePool)
      expect(rng.sample(range(100), 10)).toEqual(expected.sampleSet)
      expect(rng.choice([...'abcdefg'])).toBe(expected.choice)
      expect(rng.uniform(-3, 7)).toBe(expected.uniform)
      expect([rng.randrange(0, 100, 7), rng.randrange(10, 0, -3), rng.randrange(5)]).toEqual(expected.randrange)
      expect(rng.random()).toBe(expected.after)
    })
  }

  it('seeds negative integers by their absolute value and reseeds in place', () => {
    const negative = new PythonRandom(-3)
    const positive = new PythonRandom(3)
    expect(negative.random()).toBe(positive.random())
    positive.seed(0)
    expect(positive.random()).toBe(0.8444218515250481)
    expect(new PythonRandom(2n ** 40n).random()).toBe(new PythonRandom(2 ** 40).random())
  })

  it('leaves the population of sample untouched and samples everything when k is its size', () => {
    const population = ['a', 'b', 'c']
    const picked = new PythonRandom(1).sample(population, 3)
    expect(population).toEqual(['a', 'b', 'c'])
    expect([...picked].sort()).toEqual(['a', 'b', 'c'])
    expect(new PythonRandom(1).sample(population, 0)).toEqual([])
  })

  it('raises typed errors where Python raises', () => {
    const rng = new PythonRandom(0)
    expect(() => new PythonRandom(1.5)).toThrow(PythonRandomError)
    expect(() => rng.choice([])).toThrow(expect.objectContaining({ code: 'random-empty-sequence' }))
    expect(() => rng.sample([1, 2], 3)).toThrow(expect.objectContaining({ code: 'random-sample-size' }))
    expect(() => rng.randint(5, 4)).toThrow(expect.objectContaining({ code: 'random-empty-range' }))
    expect(() => rng.randrange(0)).toThrow(expect.objectContaining({ code: 'random-empty-range' }))
    expect(() => rng.randrange(0, 10, 0)).toThrow(expect.objectContaining({ code: 'random-invalid-argument' }))
    expect(() => rng.getrandbits(54)).toThrow(expect.objectContaining({ code: 'random-invalid-argument' }))
  })
})
