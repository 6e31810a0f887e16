import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const script = fileURLToPath(new URL('../index.mjs', import.meta.url))

describe('the signatures example (pnpm demo)', () => {
  it('runs offline and shows signatures, parsed and formatted values', async () => {
    const { stdout } = await run(process.execPath, [script])
    expect(stdout).toContain('Signature: context, question -> answer, confidence')
    expect(stdout).toContain('  input  context: list[str]')
    expect(stdout).toContain('confidence constraints: greater than or equal to: 0.0, less than or equal to: 1.0')
    expect(stdout).toContain(`"{'name': 'Ada', 'age': '36'}" as Person -> { name: 'Ada', age: 36, emails: [] }`)
    expect(stdout).toContain("ValueParseError: 1 validation error for int\n    expected int, got 'about forty' (string)")
    expect(stdout).toContain('list for a str field: "[1] «first passage»\\n[2] «««\\n    second\\n    passage\\n»»»"')
    expect(stdout).toContain('float 1: 1.0 | bool: True')
    expect(stdout).toContain('"prefix":"Confidence:","description":"${confidence}"')
  })
})
