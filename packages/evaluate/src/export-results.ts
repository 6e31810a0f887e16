import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import { columnsOf } from './results-table.js'
import type { ResultRow } from './results-to-rows.js'

/**
 * Result rows as CSV text, as DSPy's `save_as_csv` writes them: a header row, then one line per
 * row, `\r\n` line ends (Python's csv default), fields quoted only when needed. The columns are
 * every key met, in the order first met (DSPy takes the first row's keys); a missing cell is empty.
 * Objects and arrays are written as JSON, booleans as `True`/`False`. No rows give empty text.
 *
 * @example
 * ```ts
 * const csv = resultsToCSV(resultsToRows(result.results, 'exactMatch'))
 * ```
 * @see dspy.Evaluate (`save_as_csv`)
 */
export function resultsToCSV(rows: readonly ResultRow[]): string {
  if (rows.length === 0) return ''
  const columns = columnsOf(rows)
  return stringify(rows as ResultRow[], {
    header: true,
    columns,
    record_delimiter: 'windows',
    cast: { boolean: (value) => (value ? 'True' : 'False'), object: (value) => JSON.stringify(value) },
  })
}

/**
 * Result rows as JSON text, as DSPy's `save_as_json` writes them: one array of row objects on one
 * line. Examples and predictions nested in a row are written as their fields.
 *
 * @see dspy.Evaluate (`save_as_json`)
 */
export function resultsToJSON(rows: readonly ResultRow[]): string {
  return JSON.stringify(rows)
}

/** Writes {@link resultsToCSV}'s text to a file (UTF-8), replacing it. */
export async function saveResultsAsCSV(path: string, rows: readonly ResultRow[]): Promise<void> {
  await writeFile(path, resultsToCSV(rows), 'utf8')
}

/** Writes {@link resultsToJSON}'s text to a file (UTF-8), replacing it. */
export async function saveResultsAsJSON(path: string, rows: readonly ResultRow[]): Promise<void> {
  await writeFile(path, resultsToJSON(rows), 'utf8')
}
