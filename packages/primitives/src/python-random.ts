import { PythonRandomError } from './errors/python-random-error.js'

const stateSize = 624
const shiftSize = 397
const matrixA = 0x9908b0df
const upperMask = 0x80000000
const lowerMask = 0x7fffffff
const twoTo26 = 67108864
const twoTo53 = 9007199254740992

/**
 * A seeded random number generator that yields exactly what CPython's `random.Random(seed)`
 * yields for the same integer seed: the Mersenne Twister (MT19937) seeded the way CPython seeds it
 * (the absolute value of the seed, cut into 32-bit words, through `init_by_array`), and the same
 * derivations on top of it (`random`, `getrandbits`, rejection-sampled `randbelow`, `randrange`,
 * `randint`, `shuffle`, `sample`, `choice`, `uniform`). Optimizers use it so that the demos and
 * subsets they pick for a seed are the ones DSPy picks.
 *
 * @example
 * ```ts
 * const rng = new PythonRandom(0)
 * const items = [1, 2, 3, 4, 5]
 * rng.shuffle(items) // same order as random.Random(0).shuffle(items) in Python
 * ```
 * @see random.Random (CPython 3.11)
 */
export class PythonRandom {
  private readonly state = new Uint32Array(stateSize)
  private index = stateSize + 1

  /**
   * @param seed an integer (a `number` that is a safe integer, or a `bigint`); negative seeds
   *   seed as their absolute value, as in CPython.
   * @throws {PythonRandomError} (`random-invalid-seed`) when the seed is not an integer.
   */
  constructor(seed: number | bigint = 0) {
    this.seed(seed)
  }

  /**
   * Reseeds the generator, as `random.seed(seed)` does.
   *
   * @throws {PythonRandomError} (`random-invalid-seed`) when the seed is not an integer.
   */
  seed(seed: number | bigint): void {
    if (typeof seed === 'number' && !Number.isSafeInteger(seed)) {
      throw new PythonRandomError({
        message: `PythonRandom needs an integer seed (a safe integer or a bigint), got ${seed}.`,
        code: 'random-invalid-seed',
      })
    }
    this.initByArray(seedWords(BigInt(seed)))
  }

  /** A float in [0, 1) with 53 random bits. @see random.Random.random */
  random(): number {
    const high = this.nextWord() >>> 5
    const low = this.nextWord() >>> 6
    return (high * twoTo26 + low) / twoTo53
  }

  /**
   * An integer with `k` random bits (0 ≤ k ≤ 53), as `getrandbits(k)` returns it.
   *
   * @throws {PythonRandomError} (`random-invalid-argument`) when `k` is not an integer in 0..53
   *   (use {@link PythonRandom.getrandbitsBigInt} for more bits).
   * @see random.Random.getrandbits
   */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) {
      throw new PythonRandomError({
        message: `getrandbits needs a bit count from 0 to 53 (use getrandbitsBigInt for more), got ${k}.`,
        code: 'random-invalid-argument',
      })
    }
    if (k === 0) return 0
    if (k <= 32) return this.nextWord() >>> (32 - k)
    const low = this.nextWord()
    const high = this.nextWord() >>> (64 - k)
    return high * 4294967296 + low
  }

  /**
   * An integer with any number of random bits, as `getrandbits(k)` returns it (32-bit words are
   * drawn least significant first; the last one keeps its top bits).
   *
   * @throws {PythonRandomError} (`random-invalid-argument`) when `k` is not a non-negative integer.
   * @see random.Random.getrandbits
   */
  getrandbitsBigInt(k: number): bigint {
    if (!Number.isInteger(k) || k < 0) {
      throw new PythonRandomError({ message: `getrandbits needs a non-negative bit count, got ${k}.`, code: 'random-invalid-argument' })
    }
    let result = 0n
    let shift = 0n
    for (let remaining = k; remaining > 0; remaining -= 32) {
      let word = this.nextWord()
      if (remaining < 32) word >>>= 32 - remaining
      result |= BigInt(word) << shift
      shift += 32n
    }
    return result
  }

  /**
   * An integer in [0, n), drawn by rejection from `getrandbits(bitLength(n))` as CPython's
   * `_randbelow` does. Returns 0 when `n` is 0.
   *
   * @throws {PythonRandomError} (`random-invalid-argument`) when `n` is negative, not an integer
   *   or above 2**53.
   */
  randbelow(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n > twoTo53) {
      throw new PythonRandomError({ message: `randbelow needs an integer from 0 to 2**53, got ${n}.`, code: 'random-invalid-argument' })
    }
    if (n === 0) return 0
    const bits = bitLength(n)
    let drawn = this.getrandbits(bits)
    while (drawn >= n) drawn = this.getrandbits(bits)
    return drawn
  }

  /**
   * A random integer from `range(start, stop, step)`; with one argument, from `range(start)`.
   *
   * @throws {PythonRandomError} (`random-empty-range`) when the range is empty,
   *   (`random-invalid-argument`) for a zero step or non-integer arguments.
   * @see random.Random.randrange
   */
  randrange(start: number, stop?: number, step = 1): number {
    for (const value of [start, stop ?? 0, step]) {
      if (!Number.isSafeInteger(value)) {
        throw new PythonRandomError({ message: `randrange needs integer arguments, got ${value}.`, code: 'random-invalid-argument' })
      }
    }
    if (stop === undefined) {
      if (start > 0) return this.randbelow(start)
      throw new PythonRandomError({ message: 'empty range for randrange()', code: 'random-empty-range' })
    }
    const width = stop - start
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width)
      throw new PythonRandomError({ message: `empty range for randrange() (${start}, ${stop}, ${width})`, code: 'random-empty-range' })
    }
    if (step === 0) throw new PythonRandomError({ message: 'zero step for randrange()', code: 'random-invalid-argument' })
    const count = step > 0 ? Math.floor((width + step - 1) / step) : Math.floor((width + step + 1) / step)
    if (count <= 0) throw new PythonRandomError({ message: 'empty range for randrange()', code: 'random-empty-range' })
    return start + step * this.randbelow(count)
  }

  /**
   * A random integer N with a ≤ N ≤ b (both ends included).
   *
   * @throws {PythonRandomError} (`random-empty-range`) when b < a.
   * @see random.Random.randint
   */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1)
  }

  /**
   * Shuffles `items` in place, with the same swaps as `random.shuffle`.
   *
   * @see random.Random.shuffle
   */
  shuffle<Item>(items: Item[]): void {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = this.randbelow(index + 1)
      const kept = items[index] as Item
      items[index] = items[other] as Item
      items[other] = kept
    }
  }

  /**
   * A random element of `items`.
   *
   * @throws {PythonRandomError} (`random-empty-sequence`) when `items` is empty.
   * @see random.Random.choice
   */
  choice<Item>(items: readonly Item[]): Item {
    if (items.length === 0) {
      throw new PythonRandomError({ message: 'Cannot choose from an empty sequence', code: 'random-empty-sequence' })
    }
    return items[this.randbelow(items.length)] as Item
  }

  /**
   * `k` distinct positions of `population`, in selection order, chosen as `random.sample` chooses
   * them: from a shrinking pool when the population is small next to `k`, otherwise by redrawing
   * positions already taken.
   *
   * @throws {PythonRandomError} (`random-sample-size`) when `k` is negative or above the population size.
   * @see random.Random.sample
   */
  sample<Item>(population: readonly Item[], k: number): Item[] {
    const size = population.length
    if (!Number.isInteger(k) || k < 0 || k > size) {
      throw new PythonRandomError({ message: 'Sample larger than population or is negative', code: 'random-sample-size' })
    }
    const result: Item[] = []
    if (size <= sampleSetSize(k)) {
      const pool = [...population]
      for (let index = 0; index < k; index += 1) {
        const picked = this.randbelow(size - index)
        result.push(pool[picked] as Item)
        pool[picked] = pool[size - index - 1] as Item
      }
      return result
    }
    const selected = new Set<number>()
    for (let index = 0; index < k; index += 1) {
      let picked = this.randbelow(size)
      while (selected.has(picked)) picked = this.randbelow(size)
      selected.add(picked)
      result.push(population[picked] as Item)
    }
    return result
  }

  /**
   * A float N with a ≤ N ≤ b (or b ≤ N ≤ a), computed as `a + (b - a) * random()`.
   *
   * @see random.Random.uniform
   */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random()
  }

  private initGenrand(seed: number): void {
    const state = this.state
    state[0] = seed >>> 0
    for (let index = 1; index < stateSize; index += 1) {
      const previous = state[index - 1] as number
      state[index] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + index) >>> 0
    }
    this.index = stateSize
  }

  private initByArray(key: readonly number[]): void {
    const state = this.state
    this.initGenrand(19650218)
    let i = 1
    let j = 0
    for (let remaining = Math.max(stateSize, key.length); remaining > 0; remaining -= 1) {
      const previous = state[i - 1] as number
      state[i] = (((state[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1664525)) + (key[j] as number) + j) >>> 0
      i += 1
      j += 1
      if (i >= stateSize) {
        state[0] = state[stateSize - 1] as number
        i = 1
      }
      if (j >= key.length) j = 0
    }
    for (let remaining = stateSize - 1; remaining > 0; remaining -= 1) {
      const previous = state[i - 1] as number
      state[i] = (((state[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1566083941)) - i) >>> 0
      i += 1
      if (i >= stateSize) {
        state[0] = state[stateSize - 1] as number
        i = 1
      }
    }
    state[0] = upperMask
  }

  private twist(): void {
    const state = this.state
    for (let index = 0; index < stateSize; index += 1) {
      const mixed = ((state[index] as number) & upperMask) | ((state[(index + 1) % stateSize] as number) & lowerMask)
      let next = (state[(index + shiftSize) % stateSize] as number) ^ (mixed >>> 1)
      if ((mixed & 1) !== 0) next ^= matrixA
      state[index] = next >>> 0
    }
    this.index = 0
  }

  private nextWord(): number {
    if (this.index >= stateSize) this.twist()
    let word = this.state[this.index] as number
    this.index += 1
    word ^= word >>> 11
    word ^= (word << 7) & 0x9d2c5680
    word ^= (word << 15) & 0xefc60000
    word ^= word >>> 18
    return word >>> 0
  }
}

/** The seed's absolute value as 32-bit words, least significant first; `[0]` for zero. */
function seedWords(seed: bigint): number[] {
  let rest = seed < 0n ? -seed : seed
  if (rest === 0n) return [0]
  const words: number[] = []
  while (rest > 0n) {
    words.push(Number(rest & 0xffffffffn))
    rest >>= 32n
  }
  return words
}

/** The number of bits needed to write the non-negative integer `n` (Python's `int.bit_length`). */
function bitLength(n: number): number {
  if (n < 4294967296) return 32 - Math.clz32(n)
  return 32 + bitLength(Math.floor(n / 4294967296))
}

/**
 * CPython's threshold between `sample`'s two methods: 21, plus for k > 5 the smallest power of 4
 * that is at least 3k (`4 ** ceil(log(3k, 4))`; 3k is never a power of 4, so this is exact).
 */
function sampleSetSize(k: number): number {
  if (k <= 5) return 21
  let power = 1
  while (power < k * 3) power *= 4
  return 21 + power
}
