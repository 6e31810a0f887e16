import { describe, expect, it } from 'vitest'
import { DatasetError } from '../errors/dataset-error.js'
import { tempDatasetFiles } from './__fixtures__/temp-dataset-files.js'
import { loadJSON } from './load-json.js'

const { write, pathOf } = tempDatasetFiles('dspex-json-')

describe('loadJSON', () => {
  it('reads an array of rows, or the array under a key', async () => {
    const array = await write('array.json', '[{"question": "q1", "answer": "a1"}, {"question": "q2", "answer": "a2"}]')
    const examples = await loadJSON(array, { inputKeys: ['question'] })
    expect(examples.map((example) => example.get('answer'))).toEqual(['a1', 'a2'])
    expect(examples[0]?.inputs().toDict()).toEqual({ question: 'q1' })
    const keyed = await write('keyed.json', '{"data": [{"q": "q1", "a": "a1"}], "meta": {}}')
    const [example] = await loadJSON(keyed, { key: 'data', inputKeys: ['question'], fields: { q: 'question', a: 'answer' } })
    expect(example?.toDict()).toEqual({ question: 'q1', answer: 'a1' })
  })

  it('names the line of a syntax error', async () => {
    const path = await write('bad.json', '[\n  {"question": "q1"},\n  {"question": }\n]')
    const error = await loadJSON(path, { inputKeys: [] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DatasetError)
    expect(error).toMatchObject({ code: 'dataset-invalid-json', file: path, line: 3 })
  })

  it('rejects a wrong shape and bad rows, naming the item', async () => {
    const object = await write('object.json', '{"rows": 3}')
    await expect(loadJSON(object, { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-invalid-shape' })
    await expect(loadJSON(object, { key: 'rows', inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-invalid-shape' })
    const rows = await write('rows.json', '[{"question": "q"}, "text", {"answer": "a"}]')
    await expect(loadJSON(rows, { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-row-not-object', index: 1 })
    const missing = await write('missing.json', '[{"question": "q"}, {"answer": "a"}]')
    const error = await loadJSON(missing, { inputKeys: ['question'] }).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe(`Missing input key 'question' at item 1 of ${missing}.`)
    await expect(loadJSON(pathOf('nope.json'), { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-read-failed' })
  })
})
