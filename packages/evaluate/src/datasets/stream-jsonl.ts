import { createInterface } from 'node:readline'
import type { Example } from '@dspex/primitives'
import { DatasetError } from '../errors/dataset-error.js'
import { type DatasetPath, datasetPathText, openDatasetFile, readFailure } from './open-dataset-file.js'
import { type DatasetOptions, rowToExample } from './row-to-example.js'

/**
 * Reads a JSON Lines file one line at a time (never holding the whole file) and yields one
 * example per non-blank line. A byte-order mark and Windows line endings are accepted.
 *
 * @throws {DatasetError} naming the file and 1-based line: `dataset-invalid-json`,
 *   `dataset-row-not-object`, `dataset-missing-input-key`, `dataset-missing-field`, or
 *   `dataset-read-failed` when the file cannot be read.
 * @example
 * ```ts
 * for await (const example of streamJSONL('data/train.jsonl', { inputKeys: ['question'] })) {
 *   console.log(example.question)
 * }
 * ```
 * @see dspy.datasets.DataLoader.from_json
 */
export async function* streamJSONL(path: DatasetPath, options: DatasetOptions): AsyncGenerator<Example<Record<string, unknown>>> {
  const file = datasetPathText(path)
  const input = await openDatasetFile(path)
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  let index = 0
  try {
    for await (const text of lines) {
      line += 1
      const content = line === 1 ? text.replace(/^\uFEFF/, '') : text
      if (content.trim() === '') continue
      let row: unknown
      try {
        row = JSON.parse(content)
      } catch (error) {
        throw new DatasetError({
          message: `Invalid JSON at line ${line} of ${file}: ${(error as Error).message}`,
          code: 'dataset-invalid-json',
          file,
          line,
          index,
          cause: error,
        })
      }
      yield rowToExample(row, options, { file, line, index })
      index += 1
    }
  } catch (error) {
    throw readFailure(error, file)
  } finally {
    lines.close()
    input.destroy()
  }
}

/**
 * Reads a whole JSON Lines file into examples (see {@link streamJSONL}, which it uses).
 *
 * @throws {DatasetError} as {@link streamJSONL}.
 * @example
 * ```ts
 * const trainset = await loadJSONL('data/train.jsonl', { inputKeys: ['question'], fields: ['question', 'answer'] })
 * ```
 */
export async function loadJSONL(path: DatasetPath, options: DatasetOptions): Promise<Example<Record<string, unknown>>[]> {
  const examples: Example<Record<string, unknown>>[] = []
  for await (const example of streamJSONL(path, options)) examples.push(example)
  return examples
}
