import type { Example } from '@dspex/primitives'
import { CsvError, parse } from 'csv-parse'
import { DatasetError } from '../errors/dataset-error.js'
import { type DatasetPath, datasetPathText, openDatasetFile, readFailure } from './open-dataset-file.js'
import { type DatasetOptions, rowToExample } from './row-to-example.js'

/** Options of {@link streamCSV} and {@link loadCSV}. */
export interface CSVOptions extends DatasetOptions {
  /** The field separator; `,` by default. */
  readonly delimiter?: string
}

/** A parsed CSV record with where it ended. */
interface CSVRecord {
  readonly record: Record<string, string>
  readonly info: { readonly lines: number }
}

/**
 * Reads a CSV file as a stream (csv-parse): the first row names the columns, each later non-empty
 * row becomes an example whose values are the cells as strings. Quoted cells may span lines.
 *
 * @throws {DatasetError} naming the file and 1-based line: `dataset-csv-column-count` when a row
 *   has more or fewer cells than the header, `dataset-csv-invalid` for other syntax errors,
 *   `dataset-missing-input-key`, `dataset-missing-field`, `dataset-read-failed`.
 * @example
 * ```ts
 * for await (const example of streamCSV('qa.csv', { inputKeys: ['question'], fields: { Question: 'question', Answer: 'answer' } })) {
 *   // ...
 * }
 * ```
 * @see dspy.datasets.DataLoader.from_csv
 */
export async function* streamCSV(path: DatasetPath, options: CSVOptions): AsyncGenerator<Example<Record<string, unknown>>> {
  const file = datasetPathText(path)
  const input = await openDatasetFile(path)
  const parser = input.pipe(parse({ bom: true, columns: true, skip_empty_lines: true, info: true, delimiter: options.delimiter ?? ',' }))
  let index = 0
  try {
    for await (const item of parser as AsyncIterable<CSVRecord>) {
      yield rowToExample(item.record, options, { file, line: item.info.lines, index })
      index += 1
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvFailure(error, file, index)
    throw readFailure(error, file)
  } finally {
    parser.destroy()
    input.destroy()
  }
}

/**
 * Reads a whole CSV file into examples (see {@link streamCSV}, which it uses).
 *
 * @throws {DatasetError} as {@link streamCSV}.
 */
export async function loadCSV(path: DatasetPath, options: CSVOptions): Promise<Example<Record<string, unknown>>[]> {
  const examples: Example<Record<string, unknown>>[] = []
  for await (const example of streamCSV(path, options)) examples.push(example)
  return examples
}

function csvFailure(error: CsvError, file: string, index: number): DatasetError {
  const line = (error as CsvError & { lines?: number }).lines
  const position = { file, index, ...(typeof line === 'number' ? { line } : {}) }
  const where = typeof line === 'number' ? ` at line ${line}` : ''
  if (error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    return new DatasetError({
      message: `CSV column count mismatch${where} of ${file}: ${error.message}`,
      code: 'dataset-csv-column-count',
      cause: error,
      ...position,
    })
  }
  return new DatasetError({ message: `Invalid CSV${where} of ${file}: ${error.message}`, code: 'dataset-csv-invalid', cause: error, ...position })
}
