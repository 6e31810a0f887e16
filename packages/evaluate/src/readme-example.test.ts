import { readFileSync } from 'node:fs'
import { configure, defaultSettings } from '@dspex/primitives'
import { afterEach, describe, expect, it } from 'vitest'
import { evaluateSampleDataset } from './__fixtures__/evaluate-sample-dataset.js'

afterEach(() => configure(defaultSettings()))

describe('the README example', () => {
  it('is printed in the README exactly as it is tested', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const source = readFileSync(new URL('./__fixtures__/evaluate-sample-dataset.ts', import.meta.url), 'utf8')
    const block = readme.split('<!-- example: src/__fixtures__/evaluate-sample-dataset.ts -->\n```ts\n')[1]?.split('\n```\n')[0]
    expect(`${block}\n`).toBe(source.replace("from '../index.js'", "from '@dspex/evaluate'"))
  })

  it('evaluates the sample dataset offline, as the README says', async () => {
    let printed = ''
    const result = await evaluateSampleDataset((text) => {
      printed += text
    })
    expect(result.score).toBe(98.33)
    expect(result.results).toHaveLength(60)
    expect(result.results[1]?.prediction.get('answer')).toBe('Lyon')
    expect(result.results[1]?.score).toBe(0)
    expect(printed.split('\n')[0]).toMatch(/^ +question +example_answer +category +reasoning +pred_answer +answerExactMatch$/)
    expect(printed).toContain('... 57 more rows not displayed ...')
  })
})
