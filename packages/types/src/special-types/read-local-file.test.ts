import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { readLocalFile } from './read-local-file.js'

describe('readLocalFile', () => {
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-read-'))
    await writeFile(join(directory, 'a.bin'), Uint8Array.from([1, 2, 3]))
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('reads a file as bytes', async () => {
    expect(await readLocalFile(join(directory, 'a.bin'), 'File')).toEqual(Uint8Array.from([1, 2, 3]))
  })

  it('says File not found for a missing path or a directory, naming the type', async () => {
    for (const path of [join(directory, 'missing'), directory]) {
      const error: unknown = await readLocalFile(path, 'Image').catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(SpecialTypeError)
      expect((error as SpecialTypeError).message).toBe(`File not found: ${path}`)
      expect((error as SpecialTypeError).typeName).toBe('Image')
    }
  })
})
