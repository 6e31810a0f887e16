// @ts-check
import { readFileSync } from 'node:fs'

/**
 * Reads a golden file: one JSON record per line (blank lines allowed).
 * @param {string} path
 * @returns {{ line: number, record: Record<string, any> }[]}
 * @throws {Error} naming the file and line of a line that is not a JSON object with a case_id and kind.
 */
export function readGoldenFile(path) {
  const text = readFileSync(path, 'utf8')
  /** @type {{ line: number, record: Record<string, any> }[]} */
  const records = []
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return
    let record
    try {
      record = JSON.parse(raw)
    } catch (error) {
      throw new Error(`${path}:${index + 1}: not valid JSON (${/** @type {Error} */ (error).message})`)
    }
    if (typeof record !== 'object' || record === null || typeof record.case_id !== 'string' || typeof record.kind !== 'string') {
      throw new Error(`${path}:${index + 1}: a golden record needs a string case_id and kind`)
    }
    records.push({ line: index + 1, record })
  })
  return records
}
