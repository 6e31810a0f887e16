/**
 * Merges header records into one, later records winning. Names are lower-cased, so
 * `Authorization` and `authorization` are the same header; `undefined` values are dropped,
 * which lets a caller remove a default header.
 *
 * @param headers - The records to merge, in order; `undefined` records are skipped.
 * @returns One record with lower-case names.
 * @example
 * ```ts
 * combineHeaders({ Authorization: `Bearer ${key}` }, request.headers)
 * ```
 */
export function combineHeaders(...headers: readonly (Readonly<Record<string, string | undefined>> | undefined)[]): Record<string, string> {
  const combined: Record<string, string | undefined> = {}
  for (const record of headers) {
    if (record === undefined) continue
    for (const [name, value] of Object.entries(record)) combined[name.toLowerCase()] = value
  }
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(combined)) {
    if (value !== undefined) result[name] = value
  }
  return result
}
