import type { ResultRow } from './results-to-rows.js'

/** Options of {@link formatResultsTable}. */
export interface ResultsTableOptions {
  /** Show only the first rows (DSPy's `display_table=n`); every row when left out. */
  readonly maxRows?: number
}

const maxWords = 25

/**
 * A cell's text cut to its first 25 words followed by `...`, as DSPy truncates table cells;
 * shorter text is kept as it is. Words are runs of non-space characters.
 *
 * @see dspy.evaluate.evaluate.truncate_cell
 */
export function truncateCell(content: unknown): string {
  const text = cellText(content)
  const words = text.split(/\s+/).filter((word) => word.length > 0)
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}...` : text
}

/**
 * Renders result rows as a plain-text table: a header of column names (every key met, in the
 * order first met), one line per row with its position, cells truncated to 25 words, and the
 * metric column written DSPy's way (`✔️ [1.000]`). With `maxRows`, a last line tells how many rows
 * were left out (`... 7 more rows not displayed ...`).
 *
 * @example
 * ```ts
 * process.stdout.write(formatResultsTable(resultsToRows(result.results, 'exactMatch'), 'exactMatch', { maxRows: 5 }))
 * ```
 * @see dspy.Evaluate._display_result_table
 */
export function formatResultsTable(rows: readonly ResultRow[], metricColumn: string, options: ResultsTableOptions = {}): string {
  const shown = options.maxRows === undefined ? rows : rows.slice(0, Math.max(0, options.maxRows))
  const columns = columnsOf(shown)
  const lines: string[][] = [['', ...columns]]
  shown.forEach((row, index) => {
    lines.push([String(index), ...columns.map((column) => (column === metricColumn ? formatMetricCell(row[column]) : cellFor(row, column)))])
  })
  const widths = lines[0]?.map((_, column) => Math.max(...lines.map((line) => displayWidth(line[column] ?? '')))) ?? []
  const text = lines
    .map((line) =>
      line
        .map((cell, column) => pad(cell, widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
  const hidden = rows.length - shown.length
  return `${text}\n${hidden > 0 ? `... ${hidden} more rows not displayed ...\n` : ''}`
}

/** Every key of the rows, in the order first met. */
export function columnsOf(rows: readonly ResultRow[]): string[] {
  const columns = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key)
  return [...columns]
}

/** DSPy's metric cell: `✔️ [0.500]` for a number, `✔️ [value]` for anything else, empty when missing. */
function formatMetricCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return `✔️ [${value.toFixed(3)}]`
  if (typeof value === 'boolean') return `✔️ [${value ? 'True' : 'False'}]`
  return `✔️ [${cellText(value)}]`
}

function cellFor(row: ResultRow, column: string): string {
  return Object.hasOwn(row, column) ? truncateCell(row[column]).replace(/\r?\n/g, ' ') : ''
}

function cellText(content: unknown): string {
  if (typeof content === 'string') return content
  if (content === undefined || content === null) return ''
  if (typeof content === 'object') {
    const toDict = (content as { toDict?: unknown }).toDict
    return JSON.stringify(typeof toDict === 'function' ? toDict.call(content) : content) ?? ''
  }
  return String(content)
}

/** Width in terminal columns: the check mark with its variation selector takes two. */
function displayWidth(text: string): number {
  let width = 0
  for (const character of text) if (character !== '\uFE0F') width += character === '✔' ? 2 : 1
  return width
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
