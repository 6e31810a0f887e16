// Test support only (not exported): a real HTTP server on 127.0.0.1 that replays recorded Chat Completions responses.
import { readFileSync } from 'node:fs'
import type { TestHandler } from '@dspex/testing'

const fixturesFolder = new URL('../../../../../fixtures/providers/', import.meta.url)

/** Reads a recorded fixture's text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, fixturesFolder), 'utf8')
}

/** Answers with a fixture's whole JSON body. */
export function sendFixtureJson(name: string): TestHandler {
  const body = readFixture(`${name}.json`)
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(body)
  }
}

/** Answers with a fixture's chunks as server-sent events, ending with `data: [DONE]`. */
export function sendFixtureChunks(name: string): TestHandler {
  const lines = readFixture(`${name}.chunks.txt`)
    .split('\n')
    .filter((line) => line.trim() !== '')
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    for (const line of lines) response.write(`data: ${line}\n\n`)
    response.end('data: [DONE]\n\n')
  }
}

