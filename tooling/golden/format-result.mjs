// @ts-check
import { diffLines } from 'diff'

/**
 * A readable report of a failing golden case: its id, where it is, and a line diff of what was
 * expected (`-`) against what DSPex produced (`+`).
 * @param {import('./run-golden.mjs').GoldenResult} result
 * @returns {string}
 */
export function formatFailure(result) {
  const header = `FAIL ${result.caseId} (${result.location})`
  if (result.problem !== undefined) return `${header}\n  ${result.problem.replaceAll('\n', '\n  ')}`
  const changes = diffLines(pretty(result.expected), pretty(result.actual))
  const lines = []
  for (const change of changes) {
    const marker = change.added ? '+' : change.removed ? '-' : ' '
    const body = change.value.replace(/\n$/, '').split('\n')
    if (marker === ' ' && body.length > 6) {
      lines.push(
        ...body.slice(0, 2).map((line) => `   ${line}`),
        `   ... (${body.length - 4} unchanged lines)`,
        ...body.slice(-2).map((line) => `   ${line}`),
      )
    } else {
      lines.push(...body.map((line) => ` ${marker} ${line}`))
    }
  }
  return `${header}\n  --- expected (DSPy 3.3.1)\n  +++ actual (DSPex)\n${lines.join('\n')}`
}

/** @param {unknown} value */
function pretty(value) {
  return `${JSON.stringify(value, null, 2)}\n`
}
