// Test support only (not exported): the recorded Google fixtures, replayed through @dspex/testing's servers.
import { readFileSync } from 'node:fs'
import { readRecordedPayloads, toServerSentEvents } from '@dspex/testing'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture file (`google-text.json`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Turns recorded `.chunks.txt` payload lines into Gemini SSE (`data: LINE` events ending in `\r\n`, no end marker). */
export function toGeminiServerSentEvents(chunks: string): string[] {
  return toServerSentEvents(readRecordedPayloads(chunks), { lineEnding: '\r\n' })
}

/** Reads a hand-written fixture of `src/__fixtures__/` (`google-embed-content.json`). */
export function readLocalFixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
}
