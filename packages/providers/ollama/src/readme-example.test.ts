import { readFileSync } from 'node:fs'
import { createTestServer, startFakeOllamaServer, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sendFixtureJSON, sendFixtureNDJSON } from './__fixtures__/ollama-test-server.js'
import * as ollamaPackage from './index.js'

let server: TestServer | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
  await server?.close()
  server = undefined
})

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const embeddingsSection = readme.split('## Embeddings')[1]?.split('\n## ')[0] ?? ''
const example = readme.split('<!-- example -->\n```ts\n')[1]?.split('\n```\n')[0] ?? ''

describe('the README example', () => {
  it('imports only names the package exports', () => {
    const imported = /import \{([^}]+)\} from '@dspex\/ollama'/.exec(example)?.[1]?.split(',') ?? []
    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported) expect(Object.keys(ollamaPackage)).toContain(name.trim())
  })

  it('runs its calls through the default instance against a local server at OLLAMA_HOST', async () => {
    server = await createTestServer([sendFixtureJSON('ollama-chat'), sendFixtureNDJSON('ollama-chat')])
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

  it('runs the Embeddings section against the fake server', async () => {
    const fake = await startFakeOllamaServer()
    server = fake
    const model = ollamaPackage.createOllama({ baseURL: server.url }).embedding('all-minilm', { dimensions: 256, keepAlive: '10m' })
    const { embeddings, usage } = await model.embed({ values: ['Why is the sky blue?', 'Why is grass green?'] })
    expect(embeddings.map((vector) => vector.length)).toEqual([256, 256])
    expect(usage?.promptTokens).toBeGreaterThan(0)
    expect(embeddingsSection).toContain("ollama.embedding('all-minilm', { dimensions: 256, keepAlive: '10m' })")
    expect(fake.requests[0]?.path).toBe('/api/embed')
  })
})
