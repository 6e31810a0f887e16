import { describe, expect, it } from 'vitest'
import { DatasetError } from '../errors/dataset-error.js'
import { splitDataset } from './split-dataset.js'

const range = (size: number): number[] => Array.from({ length: size }, (_, index) => index)

describe('splitDataset', () => {
  it("matches DSPy's train_test_split(range(10), train_size=0.75, random_state=0)", () => {
    expect(splitDataset(range(10), { train: 0.75, seed: 0 })).toEqual({ train: [7, 8, 1, 5, 3, 4, 2], dev: [], test: [0, 9, 6] })
  })

  it('cuts train, dev and test from fractions or counts, in that order', () => {
    const splits = splitDataset(range(60), { train: 0.6, dev: 0.2, test: 12 })
    expect([splits.train.length, splits.dev.length, splits.test.length]).toEqual([36, 12, 12])
    expect(splits.train.slice(0, 6)).toEqual([12, 33, 29, 36, 44, 42])
    expect(new Set([...splits.train, ...splits.dev, ...splits.test]).size).toBe(60)
    expect(splitDataset(range(5), { train: 2, dev: 1, shuffle: false })).toEqual({ train: [0, 1], dev: [2], test: [3, 4] })
    expect(splitDataset(range(5), { train: 1, test: 1, shuffle: false })).toEqual({ train: [0], dev: [], test: [1] })
  })

  it('rejects sizes that are not fractions or counts, or that ask for too much', () => {
    expect(() => splitDataset(range(5), { train: 1.5 })).toThrow(DatasetError)
    expect(() => splitDataset(range(5), { train: -1 })).toThrow(expect.objectContaining({ code: 'dataset-invalid-split' }))
    expect(() => splitDataset(range(5), { train: 4, test: 2 })).toThrow(expect.objectContaining({ code: 'dataset-invalid-split' }))
  })
})
