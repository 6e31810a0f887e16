import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exactMatch } from '../metrics/exact-match.js'
import { loadSampleDataset, sampleDatasetURL } from './load-sample-dataset.js'

describe('loadSampleDataset', () => {
  it('loads the 60 bundled questions with question as input', async () => {
    const examples = await loadSampleDataset()
    expect(examples).toHaveLength(60)
    for (const example of examples) {
      expect(example.inputs().keys()).toEqual(['question'])
      expect(example.keys()).toEqual(['question', 'answer', 'category'])
      expect(example.answer.length).toBeGreaterThan(0)
      expect(exactMatch(example.answer, [example.answer])).toBe(true)
    }
    expect(new Set(examples.map((example) => example.question)).size).toBe(60)
    const counts = new Map<string, number>()
    for (const example of examples) counts.set(example.category, (counts.get(example.category) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({ arithmetic: 12, geography: 12, science: 12, history: 12, language: 12 })
  })

  it('finds the data folder at the package root', () => {
    expect(fileURLToPath(sampleDatasetURL())).toBe(fileURLToPath(new URL('../../data/sample-qa.jsonl', import.meta.url)))
  })
})
