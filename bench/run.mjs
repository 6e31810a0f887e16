// @ts-check
// `pnpm bench`: runs every *.bench.mjs here in name order, each in its own Node process (so no bench
// inherits another's heap, settings or history), each printing `bench: NAME VALUE UNIT (comparison)` lines.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = new URL('.', import.meta.url)
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .sort()
let failed = 0
for (const file of files) {
  const { status } = spawnSync(process.execPath, [fileURLToPath(new URL(file, here))], { stdio: 'inherit' })
  if (status !== 0) {
    failed += 1
    process.stderr.write(`bench: ${file} exited with status ${status}\n`)
  }
}
process.exitCode = failed === 0 ? 0 : 1
