// Test support only (not exported): the shipped test server plus small helpers of this package's tests.
import type { ServerResponse } from 'node:http'

export { createTestServer, type RecordedRequest, respondWith, type TestHandler, type TestServer } from '../test-server/create-test-server.js'

/** Writes a JSON response. */
export function sendJSON(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(value))
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
