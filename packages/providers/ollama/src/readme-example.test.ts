import { type TestServer, createTestServer } from '@dspex/testing'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as ollamaPackage from './index.js'
import { sendFixtureJson, sendFixtureNdjson } from './testing/ollama-test-server.js'

let server: TestServer | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
  await server?.close()
  server = undefined
})

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const example = readme.split('<!-- example -->\n```ts\n')[1]?.split('\n```\n')[0] ?? ''

describe('the README example', () => {
  it('imports only names the package exports', () => {
    const imported = /import \{([^}]+)\} from '@dspex\/ollama'/.exec(example)?.[1]?.split(',') ?? []
    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported) expect(Object.keys(ollamaPackage)).toContain(name.trim())
  })

  it('runs its calls through the default instance against a local server at OLLAMA_HOST', async () => {
    server = await createTestServer([sendFixtureJson('ollama-chat'), sendFixtureNdjson('ollama-chat')])
    vi.stubEnv('OLLAMA_HOST', server.url)
    const model = ollamaPackage.ollama('llama3.2')
    const result = await model.generate({
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
      maxTokens: 200,
    })
    let text = ''
    for await (const part of model.stream({ messages: [{ role: 'user', content: 'Count to five.' }] })) {
      if (part.type === 'text-delta') text += part.delta
    }
    expect(example).toContain("ollama('llama3.2')")
    expect(result.choices[0]?.text).toBe('Hello! How are you today?')
    expect(text).toBe('The sky is blue.')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ options: { num_predict: 200 } })
  })
})
