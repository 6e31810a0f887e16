// Test support only (not exported): a real HTTP server on 127.0.0.1 that replays Ollama responses.
import { readFileSync } from 'node:fs'
import type { TestHandler } from '@dspex/testing'

/** Reads a fixture of `src/__fixtures__/`. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJson(name: string): TestHandler {
  const body = readFixture(`${name}.json`)
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(body)
  }
}

/** Answers with a fixture's NDJSON lines, each written separately (split in two to test line assembly). */
export function sendFixtureNdjson(name: string): TestHandler {
  const lines = readFixture(`${name}.ndjson`)
    .split('\n')
    .filter((line) => line.trim() !== '')
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
export function sendRawNdjson(text: string, destroy = false): TestHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' })
    if (destroy) {
      response.write(text, () => setTimeout(() => response.destroy(), 5))
      return
    }
    response.end(text)
  }
}

