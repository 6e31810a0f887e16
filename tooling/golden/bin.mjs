#!/usr/bin/env node
// @ts-check
// `pnpm golden FILE...`: runs golden cases recorded from DSPy 3.3.1, prints each failing case with
// a diff and ends with `N passed, N failed`. Exits 1 when a case failed or nothing ran.
import { resolve } from 'node:path'
import { formatFailure } from './format-result.mjs'
import { runGoldenFile } from './run-golden.mjs'

const files = process.argv.slice(2).filter((argument) => argument !== '--')
if (files.length === 0) {
  console.error('usage: pnpm golden FILE.jsonl [FILE.jsonl ...]')
  process.exit(2)
}
let passed = 0
let failed = 0
for (const file of files) {
  let results
  try {
    results = runGoldenFile(resolve(process.env.INIT_CWD ?? process.cwd(), file))
  } catch (error) {
    console.log(`ERROR ${error instanceof Error ? error.message : String(error)}`)
    failed += 1
    continue
  }
  for (const result of results) {
    if (result.passed) passed += 1
    else {
      failed += 1
      console.log(`${formatFailure(result)}\n`)
    }
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
