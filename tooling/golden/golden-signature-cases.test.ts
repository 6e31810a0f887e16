import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatFailure } from './format-result.mjs'
import { readGoldenFile } from './read-golden-file.mjs'
import { runGoldenCase } from './run-golden.mjs'

const goldenPath = fileURLToPath(new URL('../../fixtures/dspy/golden.jsonl', import.meta.url))
const records = readGoldenFile(goldenPath)
const signatureCases = records.filter(({ record }) => record.kind === 'signature')

describe('DSPy 3.3.1 golden signature cases', () => {
  it('the fixture holds signature cases', () => {
    expect(signatureCases.length).toBeGreaterThanOrEqual(16)
  })

  for (const { line, record } of signatureCases) {
    it(record.case_id, () => {
      const result = runGoldenCase(record, `${goldenPath}:${line}`)
      if (!result.passed) expect.fail(formatFailure(result))
    })
  }
})
