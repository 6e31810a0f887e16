// Test support only (not exported): a real HTTP server on 127.0.0.1 and the recorded Google fixtures.
import { readFileSync } from 'node:fs'
import type { TestHandler } from '@dspex/testing'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture file (`google-text.json`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Turns recorded `.chunks.txt` payload lines into Gemini SSE (`data: LINE` events, no end marker). */
export function toServerSentEvents(chunks: string): string[] {
  return chunks
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\r\n\r\n`)
}

/** Serves SSE events, one write each; `cutAfter` destroys the socket after that many events. */
export const sseHandler =
  (events: readonly string[], cutAfter?: number): TestHandler =>
  async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const sent = cutAfter === undefined ? events : events.slice(0, cutAfter)
    for (const event of sent) {
      response.write(event)
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (cutAfter === undefined) response.end()
    else response.destroy()
  }

/** Reads a hand-written fixture of `src/__fixtures__/` (`google-embed-content.json`). */
export function readLocalFixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
}
