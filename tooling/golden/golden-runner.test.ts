import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const bin = fileURLToPath(new URL('./bin.mjs', import.meta.url))

function goldenFile(lines: unknown[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'dspex-golden-'))
  const path = join(directory, 'cases.jsonl')
  writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`)
  return path
}

async function runBin(path: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [bin, path])
    return { code: 0, stdout }
  } catch (error) {
    const failure = error as { code: number; stdout: string }
    return { code: failure.code, stdout: failure.stdout }
  }
}

const prefixCase = (expected: Record<string, string>) => ({
  case_id: 'signature/prefixes',
  kind: 'signature',
  adapter: null,
  signature: { build: { from: 'infer_prefix' } },
  inputs: { names: Object.keys(expected) },
  expected: { ok: true, prefixes: expected },
})

const arrowError = {
  case_id: 'signature/no_arrow',
  kind: 'signature',
  adapter: null,
  signature: { build: { from: 'string', string: 'a b', instructions: null } },
  inputs: {},
  expected: { ok: false, error_class: 'ValueError', error_message: "Invalid signature format: 'a b', must contain exactly one '->'." },
}

describe('pnpm golden', () => {
  it('passes a file of good cases and ends with the summary line', async () => {
    const { code, stdout } = await runBin(goldenFile([prefixCase({ camelCase: 'Camel Case' }), arrowError]))
    expect(code).toBe(0)
    expect(stdout.trim().split('\n').at(-1)).toBe('2 passed, 0 failed')
  })

  it('prints a failing case with a diff and exits non-zero', async () => {
    const { code, stdout } = await runBin(goldenFile([prefixCase({ camelCase: 'Wrong Prefix' }), arrowError]))
    expect(code).toBe(1)
    expect(stdout).toContain('FAIL signature/prefixes')
    expect(stdout).toContain('-     "camelCase": "Wrong Prefix"')
    expect(stdout).toContain('+     "camelCase": "Camel Case"')
    expect(stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed')
  })

  it('names the file and line of a malformed record', async () => {
    const path = goldenFile([prefixCase({ x: 'X' })])
    writeFileSync(path, '{"case_id": "a", "kind": "signature"}\nnot json\n')
    const { code, stdout } = await runBin(path)
    expect(code).toBe(1)
    expect(stdout).toContain(`${path}:2: not valid JSON`)
  })

  it('reports kinds it cannot check yet as failures, never as passes', async () => {
    const { code, stdout } = await runBin(goldenFile([{ case_id: 'x/y', kind: 'unknown-kind' }]))
    expect(code).toBe(1)
    expect(stdout).toContain("no checker for kind 'unknown-kind'")
  })
})
