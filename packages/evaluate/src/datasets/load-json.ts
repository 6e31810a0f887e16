import { readFile } from 'node:fs/promises'
import type { Example } from '@dspex/primitives'
import { DatasetError } from '../errors/dataset-error.js'
import { jsonErrorPosition } from './json-error-position.js'
import { type DatasetPath, datasetPathText } from './open-dataset-file.js'
import { type DatasetOptions, rowToExample } from './row-to-example.js'

/** Options of {@link loadJSON}. */
export interface LoadJSONOptions extends DatasetOptions {
  /** When the file holds an object, the key of the array of rows in it (`{ "data": [...] }`). */
  readonly key?: string
}

/**
 * Loads a JSON file holding an array of row objects, or an object holding such an array under
 * `key`. A JSON document is parsed whole; use JSON Lines ({@link streamJSONL}) for large data.
 *
 * @throws {DatasetError} naming the file: `dataset-invalid-json` (with the 1-based line when the
 *   parser reports a position), `dataset-invalid-shape`, and per row (by item index)
 *   `dataset-row-not-object`, `dataset-missing-input-key`, `dataset-missing-field`;
 *   `dataset-read-failed` when the file cannot be read.
 * @example
 * ```ts
 * const devset = await loadJSON('dev.json', { key: 'data', inputKeys: ['question'] })
 * ```
 * @see dspy.datasets.DataLoader.from_json
 */
export async function loadJSON(path: DatasetPath, options: LoadJSONOptions): Promise<Example<Record<string, unknown>>[]> {
  const file = datasetPathText(path)
  let text: string
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    throw new DatasetError({
      message: `Cannot read dataset file ${file}: ${(error as Error).message}`,
      code: 'dataset-read-failed',
      file,
      cause: error,
    })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const line = errorLine(error as Error, text)
    throw new DatasetError({
      message: `Invalid JSON${line === undefined ? '' : ` at line ${line}`} in ${file}: ${(error as Error).message}`,
      code: 'dataset-invalid-json',
      file,
      ...(line === undefined ? {} : { line }),
      cause: error,
    })
  }
  const rows = selectRows(parsed, options.key, file)
  return rows.map((row, index) => rowToExample(row, options, { file, index }))
}

function selectRows(parsed: unknown, key: string | undefined, file: string): readonly unknown[] {
  if (key === undefined) {
    if (Array.isArray(parsed)) return parsed
    throw new DatasetError({
      message: `${file} must hold a JSON array of rows (or pass \`key\` to read the array under a key of an object).`,
      code: 'dataset-invalid-shape',
      file,
    })
  }
  const holder = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  const rows = holder?.[key]
  if (holder !== undefined && Object.hasOwn(holder, key) && Array.isArray(rows)) return rows
  throw new DatasetError({ message: `${file} must hold an object whose key '${key}' is an array of rows.`, code: 'dataset-invalid-shape', file })
}

/** The 1-based line of a JSON syntax error, from the engine's report or by locating the error. */
function errorLine(error: Error, text: string): number | undefined {
  const reportedLine = /\(line (\d+) column \d+\)/.exec(error.message)
  if (reportedLine !== null) return Number(reportedLine[1])
  const reported = /position (\d+)/.exec(error.message)
  const position = reported === null ? jsonErrorPosition(text) : Number(reported[1])
  if (position === undefined) return undefined
  return text.slice(0, position).split('\n').length
}
