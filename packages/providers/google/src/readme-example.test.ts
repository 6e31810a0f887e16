import { readFileSync } from 'node:fs'
import { createTestServer, respondWith, startFakeGeminiServer, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture } from './__fixtures__/google-test-server.js'
import * as googlePackage from './index.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const embeddingsSection = readme.split('## Embeddings')[1]?.split('\n## ')[0] ?? ''
const example = readme.split('<!-- example -->\n```ts\n')[1]?.split('\n```\n')[0] ?? ''

describe('the README example', () => {
  it('imports only names the package exports', () => {
    const imported = /import \{([^}]+)\} from '@dspex\/google'/.exec(example)?.[1]?.split(',') ?? []
    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported) expect(Object.keys(googlePackage)).toContain(name.trim())
  })

  it('runs its generate call against a local server', async () => {
    server = await createTestServer([respondWith(200, readFixture('google-text.json'))])
    const model = googlePackage.createGoogle({ apiKey: 'example-key', baseURL: server.url })('gemini-2.5-flash')
    const result = await model.generate({
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
      maxTokens: 200,
    })
    expect(example).toContain("google('gemini-2.5-flash')")
    expect(result.choices[0]?.text).toContain('strawberry')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({
      generationConfig: { maxOutputTokens: 200 },
      systemInstruction: { parts: [{ text: 'Answer in one sentence.' }] },
    })
  })

  it('runs the Embeddings section against the fake server', async () => {
    const fake = await startFakeGeminiServer()
    server = fake
    const model = googlePackage.createGoogle({ apiKey: 'example-key', baseURL: server.url }).embedding('gemini-embedding-001', {
      outputDimensionality: 768,
      taskType: 'RETRIEVAL_DOCUMENT',
    })
    const { embeddings } = await model.embed({ values: ['sunny day', 'rainy day'] })
    expect(embeddings.map((vector) => vector.length)).toEqual([768, 768])
    expect(embeddingsSection).toContain("google.embedding('gemini-embedding-001', { outputDimensionality: 768, taskType: 'RETRIEVAL_DOCUMENT' })")
    expect(fake.requests[0]?.path).toBe('/models/gemini-embedding-001:batchEmbedContents')
  })
})
