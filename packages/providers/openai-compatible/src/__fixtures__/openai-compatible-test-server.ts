// Test support only (not exported): the recorded Chat Completions fixtures, replayed through @dspex/testing's servers.
import { readFileSync } from 'node:fs'
import { readRecordedPayloads, replayServerSentEvents, respondWith, type TestHandler, toServerSentEvents } from '@dspex/testing'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture's text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJSON(name: string): TestHandler {
  return respondWith(200, readFixture(`${name}.json`))
}

/** Answers with a fixture's chunks as server-sent events, ending with `data: [DONE]`. */
export function sendFixtureChunks(name: string): TestHandler {
  return replayServerSentEvents(toServerSentEvents(readRecordedPayloads(readFixture(`${name}.chunks.txt`)), { done: true }))
}
