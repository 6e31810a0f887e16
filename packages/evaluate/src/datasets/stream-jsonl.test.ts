import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DatasetError } from '../errors/dataset-error.js'
import { tempDatasetFiles } from './__fixtures__/temp-dataset-files.js'
import { loadJSONL, streamJSONL } from './stream-jsonl.js'

const { write, pathOf } = tempDatasetFiles('dspex-jsonl-')

describe('loadJSONL', () => {
  it('reads one example per non-blank line, with inputs marked (BOM and CRLF accepted)', async () => {
    const path = await write('ok.jsonl', '\uFEFF{"question": "q1", "answer": "a1"}\r\n\r\n{"question": "q2", "answer": "a2", "extra": 1}\r\n')
    const examples = await loadJSONL(path, { inputKeys: ['question'] })
    expect(examples.map((example) => example.toDict())).toEqual([
      { question: 'q1', answer: 'a1' },
      { question: 'q2', answer: 'a2', extra: 1 },
    ])
    expect(examples[0]?.inputs().toDict()).toEqual({ question: 'q1' })
    expect(examples[1]?.labels().toDict()).toEqual({ answer: 'a2', extra: 1 })
    expect(await loadJSONL(pathToFileURL(path), { inputKeys: [] })).toHaveLength(2)
  })

  it('keeps and renames the selected fields; input keys use the new names', async () => {
    const path = await write('rename.jsonl', '{"Q": "q1", "A": "a1", "noise": true}\n')
    const [example] = await loadJSONL(path, { inputKeys: ['question'], fields: { Q: 'question', A: 'answer' } })
    expect(example?.toDict()).toEqual({ question: 'q1', answer: 'a1' })
    const [selected] = await loadJSONL(path, { inputKeys: ['Q'], fields: ['Q'] })
    expect(selected?.toDict()).toEqual({ Q: 'q1' })
  })

  it('streams lazily: stopping early reads no further', async () => {
    const path = await write('lazy.jsonl', '{"question": "q1"}\n{"question": "q2"}\nnot json\n')
    const seen: unknown[] = []
    for await (const example of streamJSONL(path, { inputKeys: ['question'] })) {
      seen.push(example.get('question'))
      if (seen.length === 2) break
    }
    expect(seen).toEqual(['q1', 'q2'])
  })

  it('names the file and line of invalid JSON', async () => {
    const path = await write('bad.jsonl', '{"question": "q1"}\n\n{"question": \n')
    const error = await loadJSONL(path, { inputKeys: ['question'] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DatasetError)
    expect(error).toMatchObject({ code: 'dataset-invalid-json', file: path, line: 3 })
    expect((error as Error).message).toContain(`Invalid JSON at line 3 of ${path}`)
  })

  it('rejects rows that are not objects, and rows missing an input key or field', async () => {
    const notObject = await write('array.jsonl', '{"question": "q"}\n[1, 2]\n')
    await expect(loadJSONL(notObject, { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-row-not-object', line: 2 })
    const lines = ['{"question": "q", "answer": "a"}', '', '', '', '', '', '{"answer": "a"}'].join('\n')
    const missing = await write('missing.jsonl', lines)
    const error = await loadJSONL(missing, { inputKeys: ['question'] }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'dataset-missing-input-key', line: 7, index: 1 })
    expect((error as Error).message).toBe(`Missing input key 'question' at line 7 of ${missing}.`)
    await expect(loadJSONL(missing, { inputKeys: [], fields: ['question'] })).rejects.toMatchObject({ code: 'dataset-missing-field', line: 7 })
  })

  it('reports a missing file as a typed error', async () => {
    await expect(loadJSONL(pathOf('nope.jsonl'), { inputKeys: [] })).rejects.toMatchObject({ code: 'dataset-read-failed' })
  })
})
