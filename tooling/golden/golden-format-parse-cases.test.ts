import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatFailure } from './format-result.mjs'
import { readGoldenFile } from './read-golden-file.mjs'
import { runGoldenCase } from './run-golden.mjs'

const goldenPath = fileURLToPath(new URL('../../fixtures/dspy/golden.jsonl', import.meta.url))
const records = readGoldenFile(goldenPath)

for (const kind of ['format', 'parse'] as const) {
  const cases = records.filter(({ record }) => record.kind === kind)

  describe(`DSPy 3.3.1 golden ${kind} cases`, () => {
    it(`the fixture holds ${kind} cases for every adapter`, () => {
      const adapters = new Set(cases.map(({ record }) => record.adapter))
      expect([...adapters].sort()).toEqual(['ChatAdapter', 'JSONAdapter', 'XMLAdapter'])
    })

    for (const { line, record } of cases) {
      it(record.case_id, () => {
        const result = runGoldenCase(record, `${goldenPath}:${line}`)
        if (!result.passed) expect.fail(formatFailure(result))
      })
    }
  })
}
