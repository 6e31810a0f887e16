import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const script = new URL('./test-summary.mjs', import.meta.url).pathname
const folders: string[] = []

/** A workspace with one package whose vitest report has the given counts. */
function workspaceWithReport(report: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'test-summary-'))
  folders.push(root)
  mkdirSync(join(root, 'packages', 'a', 'reports'), { recursive: true })
  writeFileSync(join(root, 'packages', 'a', 'reports', 'vitest.json'), JSON.stringify({ ...report, testResults: [] }))
  return root
}

/** The summary's output lines and exit code. */
function summarize(root: string, ...flags: string[]): { lines: string[]; status: number } {
  try {
    return {
      lines: execFileSync(process.execPath, [script, `--root=${root}`, ...flags], { encoding: 'utf8' })
        .trim()
        .split('\n'),
      status: 0,
    }
  } catch (error) {
    const { stdout, status } = error as { stdout: string; status: number }
    return { lines: stdout.trim().split('\n'), status }
  }
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe('test-summary.mjs', () => {
  it('sums the reports and exits 0 when everything passed', () => {
    expect(summarize(workspaceWithReport({ numPassedTests: 3, numPendingTests: 1 }))).toEqual({ lines: ['3 passed, 0 failed, 1 skipped'], status: 0 })
  })

  it('counts a failed task (a build, typecheck or biome check error) as one failure beside green tests', () => {
    const { lines, status } = summarize(workspaceWithReport({ numPassedTests: 3 }), '--task-failed')
    expect(lines.at(-1)).toBe('3 passed, 1 failed, 0 skipped')
    expect(lines[0]).toContain('biome check')
    expect(status).toBe(1)
  })

  it('adds failed tests to a failed task, and fails when nothing ran', () => {
    expect(summarize(workspaceWithReport({ numPassedTests: 2, numFailedTests: 2 }), '--task-failed').lines.at(-1)).toBe(
      '2 passed, 3 failed, 0 skipped',
    )
    expect(summarize(workspaceWithReport({}))).toEqual({ lines: ['0 passed, 0 failed, 0 skipped'], status: 1 })
  })
})
