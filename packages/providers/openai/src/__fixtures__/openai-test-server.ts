// Test support only (not exported): the recorded OpenAI fixtures, replayed through @dspex/testing's servers.
import { readFileSync } from 'node:fs'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture's text (`openai-text.json`, `openai-text.chunks.txt`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}
