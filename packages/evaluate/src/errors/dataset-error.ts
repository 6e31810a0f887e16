import { DSPexError } from '@dspex/core'

/** What kind of problem a {@link DatasetError} reports. */
export type DatasetErrorCode =
  /** The file could not be opened or read. */
  | 'dataset-read-failed'
  /** A JSONL line or a JSON file that is not valid JSON. */
  | 'dataset-invalid-json'
  /** A row that is not a JSON object (an array, a string, `null`...). */
  | 'dataset-row-not-object'
  /** A JSON file that holds neither an array of rows nor an object with the requested key. */
  | 'dataset-invalid-shape'
  /** A row without one of the input keys. */
  | 'dataset-missing-input-key'
  /** A row without a field named in the `fields` selection. */
  | 'dataset-missing-field'
  /** A CSV row whose number of columns differs from the header's. */
  | 'dataset-csv-column-count'
  /** Any other CSV syntax problem (an unclosed quote...). */
  | 'dataset-csv-invalid'
  /** Split sizes that are not fractions in (0, 1) or counts, or that add up to more than the data. */
  | 'dataset-invalid-split'
  /** The bundled sample dataset file could not be found next to the package. */
  | 'dataset-sample-missing'

/**
 * A dataset that cannot be loaded or split: names the file and, where there is one, the 1-based
 * line (JSONL, CSV, JSON) or the 0-based item index (rows of a JSON array) and what is wrong.
 *
 * @see dspy.datasets.DataLoader
 */
export class DatasetError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.dataset')
  declare readonly code: DatasetErrorCode
  /** The file being read, when there is one. */
  readonly file: string | undefined
  /** The 1-based line of the problem, when known. */
  readonly line: number | undefined
  /** The 0-based position of the row among the file's rows, when known. */
  readonly index: number | undefined

  constructor(options: { message: string; code: DatasetErrorCode; file?: string; line?: number; index?: number; cause?: unknown }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.file = options.file
    this.line = options.line
    this.index = options.index
  }
}
