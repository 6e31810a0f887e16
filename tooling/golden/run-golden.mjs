// @ts-check
import { isDeepStrictEqual } from 'node:util'
import { checkFormatCase } from './check-format-case.mjs'
import { checkParseCase } from './check-parse-case.mjs'
import { checkSignatureCase } from './check-signature-case.mjs'
import { readGoldenFile } from './read-golden-file.mjs'

/**
 * @typedef {object} GoldenResult
 * @property {string} caseId
 * @property {string} location `file:line`
 * @property {boolean} passed
 * @property {unknown} [actual]
 * @property {unknown} [expected]
 * @property {string} [problem] why the case could not be checked
 */

/** @type {Record<string, (record: any) => { actual: unknown, expected: unknown }>} */
const checkers = {
  signature: checkSignatureCase,
  format: checkFormatCase,
  parse: checkParseCase,
}

/**
 * Runs one golden record.
 * @param {any} record
 * @param {string} location
 * @returns {GoldenResult}
 */
export function runGoldenCase(record, location) {
  const caseId = record.case_id
  const check = checkers[record.kind]
  if (check === undefined) {
    return { caseId, location, passed: false, problem: `no checker for kind '${record.kind}'` }
  }
  try {
    const { actual, expected } = check(record)
    return { caseId, location, passed: isDeepStrictEqual(actual, expected), actual, expected }
  } catch (error) {
    return { caseId, location, passed: false, problem: `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` }
  }
}

/**
 * Runs every record of a golden file.
 * @param {string} path
 * @returns {GoldenResult[]}
 */
export function runGoldenFile(path) {
  return readGoldenFile(path).map(({ line, record }) => runGoldenCase(record, `${path}:${line}`))
}
