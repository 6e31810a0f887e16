import { DatasetError } from '../errors/dataset-error.js'
import { shuffle } from './shuffle-examples.js'

/**
 * The size of a split: a fraction strictly between 0 and 1 (of all items, rounded down as
 * Python's `int()` does) or a whole count.
 */
export type SplitSize = number

/** Options of {@link splitDataset}. */
export interface SplitDatasetOptions {
  /** The train split's size. */
  readonly train: SplitSize
  /** The dev split's size; 0 when left out. */
  readonly dev?: SplitSize
  /** The test split's size; everything after train and dev when left out. */
  readonly test?: SplitSize
  /** The seed of the shuffle done first (Python's `random.Random(seed).shuffle`); 0 by default. */
  readonly seed?: number | bigint
  /** Set to false to keep the given order instead of shuffling. */
  readonly shuffle?: boolean
}

/** The three splits, in this order over the shuffled items: train, then dev, then test. */
export interface DatasetSplits<Item> {
  readonly train: Item[]
  readonly dev: Item[]
  readonly test: Item[]
}

/**
 * Shuffles the items with a seed (as Python's `random.Random(seed).shuffle`) and cuts them into
 * train, dev and test splits. With only `train` and `test` this is DSPy's
 * `DataLoader.train_test_split(dataset, train_size, test_size, random_state=seed)`.
 *
 * @throws {DatasetError} (`dataset-invalid-split`) when a size is neither a fraction in (0, 1) nor
 *   a non-negative whole count, or the sizes add up to more than the items.
 * @example
 * ```ts
 * const { train, dev, test } = splitDataset(examples, { train: 0.6, dev: 0.2, seed: 0 })
 * ```
 * @see dspy.datasets.DataLoader.train_test_split
 */
export function splitDataset<Item>(items: readonly Item[], options: SplitDatasetOptions): DatasetSplits<Item> {
  const ordered = options.shuffle === false ? [...items] : shuffle(items, options.seed ?? 0)
  const total = ordered.length
  const trainSize = splitCount('train', options.train, total)
  const devSize = options.dev === undefined ? 0 : splitCount('dev', options.dev, total)
  const testSize = options.test === undefined ? Math.max(0, total - trainSize - devSize) : splitCount('test', options.test, total)
  if (trainSize + devSize + testSize > total) {
    throw new DatasetError({
      message: `The splits ask for ${trainSize} + ${devSize} + ${testSize} items, more than the ${total} available.`,
      code: 'dataset-invalid-split',
    })
  }
  return {
    train: ordered.slice(0, trainSize),
    dev: ordered.slice(trainSize, trainSize + devSize),
    test: ordered.slice(trainSize + devSize, trainSize + devSize + testSize),
  }
}

function splitCount(name: string, size: SplitSize, total: number): number {
  if (Number.isInteger(size) && size >= 0) return size
  if (size > 0 && size < 1) return Math.floor(total * size)
  throw new DatasetError({
    message: `Invalid ${name} size ${size}: give a fraction between 0 and 1, or a whole number of items.`,
    code: 'dataset-invalid-split',
  })
}
