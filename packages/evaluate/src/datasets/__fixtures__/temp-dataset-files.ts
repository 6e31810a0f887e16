// Test support only: dataset files written to a temporary folder that is removed after the file's tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/** Files in a temporary folder of one test file. */
export interface TempDatasetFiles {
  /** Writes a file and gives its path. */
  readonly write: (name: string, text: string) => Promise<string>
  /** The path a file of that name has (or would have) in the folder. */
  readonly pathOf: (name: string) => string
}

/** Registers a temporary folder for the calling test file, removed after its tests. */
export function tempDatasetFiles(prefix: string): TempDatasetFiles {
  let directory: string | undefined
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix))
  })
  afterAll(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true })
  })
  const pathOf = (name: string): string => {
    if (directory === undefined) throw new Error('tempDatasetFiles: use files inside tests, after beforeAll has run.')
    return join(directory, name)
  }
  return {
    pathOf,
    write: async (name, text) => {
      const path = pathOf(name)
      await writeFile(path, text)
      return path
    },
  }
}
