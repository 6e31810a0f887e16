import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recordedValues } from './__fixtures__/dspy-special-types.js'
import { File } from './file.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('File construction', () => {
  it('takes a data URI as file_data', () => {
    const file = new File('data:text/plain;base64,aGVsbG8=')
    expect(file).toEqual(expect.objectContaining({ file_data: 'data:text/plain;base64,aGVsbG8=', file_id: null, filename: null }))
  })

  it('encodes raw bytes as application/octet-stream (no sniffing, as DSPy)', () => {
    expect(new File(new TextEncoder().encode('abc')).file_data).toBe('data:application/octet-stream;base64,YWJj')
    expect(new File(new Uint8Array([97]).buffer).file_data).toBe('data:application/octet-stream;base64,YQ==')
  })

  it('takes its fields, trimming whitespace and treating null as absent', () => {
    const file = new File({ file_id: ' file-1 ', filename: null })
    expect(file.file_id).toBe('file-1')
    expect(file.filename).toBeNull()
    expect(File.from(file)).toBe(file)
    expect(new File(file).file_id).toBe('file-1')
  })

  it('has fromBytes and fromFileId', () => {
    expect(File.fromBytes(new TextEncoder().encode('%PDF'), { filename: 'a.pdf', mimeType: 'application/pdf' })).toEqual(
      expect.objectContaining({ file_data: 'data:application/pdf;base64,JVBERg==', filename: 'a.pdf' }),
    )
    expect(File.fromFileId('file-abc', 'a.pdf').format()).toEqual([{ type: 'file', file: { file_id: 'file-abc', filename: 'a.pdf' } }])
    expect(File.fromFileId('file-abc').filename).toBeNull()
  })

  it('rejects a string that is not a data URI', () => {
    const error = thrown(() => new File('./paper.pdf'))
    expect(error.typeName).toBe('File')
    expect(error.message).toBe('String file inputs must be data URIs, received: ./paper.pdf. Load local files with File.fromPath().')
  })

  it('needs at least one field, and no others', () => {
    expect(thrown(() => File.from({})).message).toBe('Value of `dspy.File` must contain at least one of: file_data, file_id, or filename')
    expect(thrown(() => File.from({ filename: 'a', size: 3 })).message).toContain('unexpected keys: size')
    expect(thrown(() => File.from({ file_id: 7 })).message).toBe('File `file_id` must be a string or null, received number.')
    expect(thrown(() => File.from(undefined)).message).toBe('Unsupported file input type: undefined.')
  })
})

describe('File serialisation matches DSPy', () => {
  for (const value of recordedValues('File')) {
    it(`${JSON.stringify(value.input)}`, () => {
      const file = File.from(value.input)
      expect(file.repr()).toBe(value.repr)
      expect(file.toString()).toBe(value.str)
      expect(file.toJSON()).toBe(value.dump)
      expect(file.format()).toEqual(value.format)
    })
  }

  it('leaves empty fields out of the content part', () => {
    expect(new File({ file_data: '', file_id: 'f', filename: '' }).format()).toEqual([{ type: 'file', file: { file_id: 'f' } }])
  })

  it('round-trips through its fields', () => {
    const file = File.fromBytes(new TextEncoder().encode('x'), { filename: 'x.bin' })
    const fields = JSON.parse(JSON.stringify({ file_data: file.file_data, file_id: file.file_id, filename: file.filename })) as object
    expect(File.from(fields).format()).toEqual(file.format())
  })

  it('has no type description', () => {
    expect(File.description()).toBe('')
  })
})

describe('File.fromPath', () => {
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-file-'))
    await writeFile(join(directory, 'paper.pdf'), '%PDF-1.4')
    await writeFile(join(directory, 'blob.qqq'), 'xyz')
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('reads the file, naming it after the path and typing it by extension', async () => {
    const file = await File.fromPath(join(directory, 'paper.pdf'))
    expect(file.filename).toBe('paper.pdf')
    expect(file.file_data).toBe('data:application/pdf;base64,JVBERi0xLjQ=')
  })

  it('falls back to application/octet-stream, and takes a name and type', async () => {
    expect((await File.fromPath(join(directory, 'blob.qqq'))).file_data).toBe('data:application/octet-stream;base64,eHl6')
    const named = await File.fromPath(join(directory, 'blob.qqq'), { filename: 'data.csv', mimeType: 'text/csv' })
    expect(named).toEqual(expect.objectContaining({ filename: 'data.csv', file_data: 'data:text/csv;base64,eHl6' }))
  })

  it('fails with a typed error for a missing file or a directory', async () => {
    await expect(File.fromPath(join(directory, 'missing.pdf'))).rejects.toBeInstanceOf(SpecialTypeError)
    await expect(File.fromPath(directory)).rejects.toThrow(`File not found: ${directory}`)
  })
})
