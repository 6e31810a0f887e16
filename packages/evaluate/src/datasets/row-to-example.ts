import { Example } from '@dspex/primitives'
import { DatasetError } from '../errors/dataset-error.js'

/** Options every dataset loader takes. */
export interface DatasetOptions {
  /** The fields that are inputs (`example.withInputs(...inputKeys)`); named after any renaming. Every row must hold them. */
  readonly inputKeys: readonly string[]
  /**
   * Which fields to keep: a list of names (in that order), or a map from the file's name to the
   * example's name (to rename). Every row must hold them. All fields are kept when left out.
   */
  readonly fields?: readonly string[] | Readonly<Record<string, string>>
}

/** Where a row came from, for error messages. */
export interface RowLocation {
  /** The file read. */
  readonly file: string
  /** The 1-based line the row starts on, when known. */
  readonly line?: number
  /** The 0-based position of the row among the file's rows. */
  readonly index: number
}

/** " at line 7" or " at item 3" followed by " of FILE". */
export function describeLocation(location: RowLocation): string {
  const where = location.line === undefined ? `item ${location.index}` : `line ${location.line}`
  return `at ${where} of ${location.file}`
}

/**
 * Builds the example for one parsed row: checks it is an object, keeps (and renames) the selected
 * fields, checks the input keys are there, and marks them as inputs.
 *
 * @throws {DatasetError} (`dataset-row-not-object`, `dataset-missing-field`, `dataset-missing-input-key`).
 */
export function rowToExample(row: unknown, options: DatasetOptions, location: RowLocation): Example<Record<string, unknown>> {
  const position = {
    file: location.file,
    index: location.index,
    ...(location.line === undefined ? {} : { line: location.line }),
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    const got = row === null ? 'null' : Array.isArray(row) ? 'an array' : `a ${typeof row}`
    throw new DatasetError({
      message: `Row ${describeLocation(location)} is not an object (got ${got}).`,
      code: 'dataset-row-not-object',
      ...position,
    })
  }
  const record = row as Record<string, unknown>
  const data: Record<string, unknown> = {}
  if (options.fields === undefined) Object.assign(data, record)
  else {
    const pairs = Array.isArray(options.fields) ? options.fields.map((name) => [name, name] as const) : Object.entries(options.fields)
    for (const [source, target] of pairs) {
      if (!Object.hasOwn(record, source)) {
        throw new DatasetError({ message: `Missing field '${source}' ${describeLocation(location)}.`, code: 'dataset-missing-field', ...position })
      }
      data[target] = record[source]
    }
  }
  for (const key of options.inputKeys) {
    if (!Object.hasOwn(data, key)) {
      throw new DatasetError({ message: `Missing input key '${key}' ${describeLocation(location)}.`, code: 'dataset-missing-input-key', ...position })
    }
  }
  return new Example(data).withInputs(...options.inputKeys)
}
