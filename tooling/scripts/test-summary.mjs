#!/usr/bin/env node
// Sums every vitest JSON report in the workspace and prints `N passed, N failed, N skipped`
// alone on the last line. Exits non-zero when a test failed, a suite failed to load, a task failed
// (`--task-failed`), or nothing ran. `--root=DIR` reads another folder's reports (for its own test).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const rootArgument = process.argv.find((argument) => argument.startsWith('--root='))
const root = rootArgument === undefined ? new URL('../..', import.meta.url).pathname : rootArgument.slice('--root='.length)
const ignored = new Set(['node_modules', '.git', 'dist', '.turbo'])

/**
 * @param {string} dir
 * @param {string[]} [found]
 * @returns {string[]}
 */
function findReports(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || ignored.has(entry.name)) continue
    const path = join(dir, entry.name)
    const report = join(path, 'reports', 'vitest.json')
    if (existsSync(report)) found.push(report)
    findReports(path, found)
  }
  return found
}

let passed = 0
let failed = 0
let skipped = 0
const problems = []
for (const file of findReports(root)) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      failed += 1
      problems.push(`suite failed to run: ${relative(root, suite.name)}: ${suite.message ?? ''}`.trim())
    }
  }
}
// `--task-failed`: `pnpm test` itself exited non-zero. A build or typecheck error, or `biome check` finding an
// unformatted or lint-failing file, is one failure even when every vitest report that exists is green.
if (process.argv.includes('--task-failed')) {
  failed += 1
  problems.push('a build, typecheck, test or biome check task failed (see the log above)')
}
for (const problem of problems) console.log(problem)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
