import type { ReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { DatasetError } from '../errors/dataset-error.js'

/** A dataset file's location: a path or a `file:` URL. */
export type DatasetPath = string | URL

/** The path of a dataset file as text, for messages. */
export function datasetPathText(path: DatasetPath): string {
  return typeof path === 'string' ? path : fileURLToPath(path)
}

/**
 * Opens a dataset file as a UTF-8 stream, reporting a missing or unreadable file as a typed error
 * before any reading starts.
 *
 * @throws {DatasetError} (`dataset-read-failed`) when the file cannot be opened.
 */
export async function openDatasetFile(path: DatasetPath): Promise<ReadStream> {
  const file = datasetPathText(path)
  try {
    const handle = await open(file, 'r')
    return handle.createReadStream({ encoding: 'utf8' })
  } catch (error) {
    throw new DatasetError({
      message: `Cannot read dataset file ${file}: ${(error as Error).message}`,
      code: 'dataset-read-failed',
      file,
      cause: error,
    })
  }
}

/**
 * Turns an error thrown while reading into a {@link DatasetError} (typed errors pass through).
 */
export function readFailure(error: unknown, file: string): DatasetError {
  if (DatasetError.isInstance(error)) return error
  return new DatasetError({
    message: `Failed while reading dataset file ${file}: ${(error as Error).message}`,
    code: 'dataset-read-failed',
    file,
    cause: error,
  })
}
