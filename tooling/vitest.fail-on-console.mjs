// Any console output during a test fails that test: tests must assert, not print.
import { afterEach, beforeEach, vi } from 'vitest'

const methods = ['log', 'info', 'warn', 'error', 'debug']
let written = []

beforeEach(() => {
  written = []
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args) => {
      written.push(`console.${method}: ${args.map(String).join(' ')}`)
    })
  }
})

afterEach(() => {
  vi.restoreAllMocks()
  if (written.length > 0) {
    throw new Error(`The test wrote to the console:\n${written.join('\n')}`)
  }
})
