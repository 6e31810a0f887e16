import { describe, expect, it } from 'vitest'
import { DatasetError } from '../errors/dataset-error.js'
import { tempDatasetFiles } from './__fixtures__/temp-dataset-files.js'
import { loadCSV, streamCSV } from './stream-csv.js'

const { write, pathOf } = tempDatasetFiles('dspex-csv-')

describe('loadCSV', () => {
  it('reads rows under the header, with quoted cells spanning lines', async () => {
    const path = await write('ok.csv', '\uFEFFquestion,answer,source\n"What, exactly?","two\nlines",x\n\nq2,a2,y\n')
    const examples = await loadCSV(path, { inputKeys: ['question'] })
    expect(examples.map((example) => example.toDict())).toEqual([
      { question: 'What, exactly?', answer: 'two\nlines', source: 'x' },
      { question: 'q2', answer: 'a2', source: 'y' },
    ])
    expect(examples[0]?.inputs().toDict()).toEqual({ question: 'What, exactly?' })
  })

  it('selects and renames columns, and honours another delimiter', async () => {
    const path = await write('semi.csv', 'Q;A;noise\nq1;a1;z\n')
    const [example] = await loadCSV(path, { delimiter: ';', inputKeys: ['question'], fields: { Q: 'question', A: 'answer' } })
    expect(example?.toDict()).toEqual({ question: 'q1', answer: 'a1' })
  })

  it('names the line of a row with the wrong number of columns', async () => {
    const path = await write('short.csv', 'question,answer\nq1,a1\nq2\n')
    const error = await loadCSV(path, { inputKeys: [] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DatasetError)
    expect(error).toMatchObject({ code: 'dataset-csv-column-count', file: path, line: 3 })
    expect((error as Error).message).toContain(`CSV column count mismatch at line 3 of ${path}`)
  })

  it('reports other syntax errors, missing input keys and missing files', async () => {
    const quote = await write('quote.csv', 'question,answer\n"open,a1\n')
    await expect(loadCSV(quote, { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-csv-invalid' })
    const path = await write('ok2.csv', 'question,answer\nq1,a1\n')
    await expect(loadCSV(path, { inputKeys: ['context'] })).rejects.toMatchObject({ code: 'dataset-missing-input-key', line: 2 })
    await expect(loadCSV(pathOf('nope.csv'), { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-read-failed' })
  })

  it('streams, allowing an early stop', async () => {
    const path = await write('many.csv', `question\n${Array.from({ length: 100 }, (_, index) => `q${index}`).join('\n')}\n`)
    let count = 0
    for await (const _example of streamCSV(path, { inputKeys: ['question'] })) {
      count += 1
      if (count === 3) break
    }
    expect(count).toBe(3)
  })
})
