import { PythonRandom } from '@dspex/primitives'

/**
 * A shuffled copy of `items`, in the order Python's `random.Random(seed).shuffle(items)` leaves
 * a list: the same seed gives DSPy's order. The input is not changed.
 *
 * @example
 * ```ts
 * shuffle([1, 2, 3, 4, 5], 0) // Python: random.Random(0).shuffle(x) gives [3, 2, 1, 5, 4]
 * ```
 * @see random.Random.shuffle, dspy.datasets.Dataset (which shuffles with a seeded Random)
 */
export function shuffle<Item>(items: readonly Item[], seed: number | bigint): Item[] {
  const copy = [...items]
  new PythonRandom(seed).shuffle(copy)
  return copy
}

/**
 * `n` items drawn without replacement, as Python's `random.Random(seed).sample(items, n)` draws
 * them.
 *
 * @throws {PythonRandomError} when `n` is negative or larger than the number of items.
 * @see dspy.datasets.DataLoader.sample
 */
export function sampleExamples<Item>(items: readonly Item[], n: number, seed: number | bigint): Item[] {
  return new PythonRandom(seed).sample(items, n)
}
