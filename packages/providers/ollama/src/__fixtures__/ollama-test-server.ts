// Test support only (not exported): Ollama responses of src/__fixtures__/, replayed through @dspex/testing's servers.
import { readFileSync } from 'node:fs'
import { readRecordedPayloads, respondWith, type TestHandler } from '@dspex/testing'

/** Reads a fixture of `src/__fixtures__/`. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJSON(name: string): TestHandler {
  return respondWith(200, readFixture(`${name}.json`), { 'content-type': 'application/json; charset=utf-8' })
}

/** Answers with a fixture's NDJSON lines, each written separately (split in two to test line assembly). */
export function sendFixtureNDJSON(name: string): TestHandler {
  const lines = readRecordedPayloads(readFixture(`${name}.ndjson`))
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' })
    for (const line of lines) {
      const middle = Math.floor(line.length / 2)
      response.write(line.slice(0, middle))
      await new Promise((resolve) => setTimeout(resolve, 1))
      response.write(`${line.slice(middle)}\n`)
    }
    response.end()
  }
}

/** Answers with raw NDJSON text, then ends the response (or destroys the socket when `destroy`). */
export function sendRawNDJSON(text: string, destroy = false): TestHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' })
    if (destroy) {
      response.write(text, () => setTimeout(() => response.destroy(), 5))
      return
    }
    response.end(text)
  }
}
