import { readFileSync } from 'node:fs'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture } from './__fixtures__/anthropic-test-server.js'
import * as anthropicPackage from './index.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const example = readme.split('<!-- example -->\n```ts\n')[1]?.split('\n```\n')[0] ?? ''

describe('the README example', () => {
  it('imports only names the package exports', () => {
    const imported = /import \{([^}]+)\} from '@dspex\/anthropic'/.exec(example)?.[1]?.split(',') ?? []
    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported) expect(Object.keys(anthropicPackage)).toContain(name.trim())
  })

  it('runs its generate call against a local server', async () => {
    server = await createTestServer([respondWith(200, readFixture('anthropic-text.json'))])
    const model = anthropicPackage.createAnthropic({ apiKey: 'sk-ant-example', baseURL: server.url })('claude-sonnet-4-5')
    const result = await model.generate({
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
      maxTokens: 200,
    })
    expect(example).toContain("anthropic('claude-sonnet-4-5')")
    expect(result.choices[0]?.text).toContain('Hello!')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ max_tokens: 200, system: [{ text: 'Answer in one sentence.' }] })
  })
})
