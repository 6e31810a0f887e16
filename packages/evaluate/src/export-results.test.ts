import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Prediction } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import { resultsToCSV, resultsToJSON, saveResultsAsCSV, saveResultsAsJSON } from './export-results.js'

const rows = [
  { question: 'Say "hi", please', answer: 'hi', metric: 1 },
  { question: 'List two', answer: ['a', 'b'], metric: 0.5, ok: false },
]

describe('resultsToCSV', () => {
  it("writes a header and rows with Python csv's line ends and quoting", () => {
    expect(resultsToCSV(rows)).toBe('question,answer,metric,ok\r\n"Say ""hi"", please",hi,1,\r\nList two,"[""a"",""b""]",0.5,False\r\n')
  })

  it('writes nothing for no rows', () => {
    expect(resultsToCSV([])).toBe('')
  })
})

describe('resultsToJSON', () => {
  it('writes the rows as one JSON array, predictions as their fields', () => {
    expect(resultsToJSON([{ ...rows[0], prediction: new Prediction({ answer: 'x' }) }])).toBe(
      '[{"question":"Say \\"hi\\", please","answer":"hi","metric":1,"prediction":{"answer":"x"}}]',
    )
  })
})

describe('saving', () => {
  it('writes the CSV and JSON files', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dspex-export-'))
    await saveResultsAsCSV(join(directory, 'r.csv'), rows)
    await saveResultsAsJSON(join(directory, 'r.json'), rows)
    expect(await readFile(join(directory, 'r.csv'), 'utf8')).toBe(resultsToCSV(rows))
    expect(JSON.parse(await readFile(join(directory, 'r.json'), 'utf8'))).toEqual(rows)
  })
})
