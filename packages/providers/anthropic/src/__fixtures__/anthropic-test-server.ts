// Test support only (not exported): the recorded Anthropic fixtures, replayed through @dspex/testing's servers.
import { readFileSync } from 'node:fs'
import { readRecordedPayloads, toServerSentEvents } from '@dspex/testing'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture file (`anthropic-text.json`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Turns recorded `.chunks.txt` payload lines into Anthropic SSE, with an `event:` line named after each payload's `type`. */
export function toAnthropicServerSentEvents(chunks: string): string[] {
  return toServerSentEvents(readRecordedPayloads(chunks), { eventName: (payload) => (JSON.parse(payload) as { type: string }).type })
}
