import { readFileSync } from 'node:fs'
import { embedMany } from '@dspex/provider'
import { type FakeProviderServer, startFakeOpenAIServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import * as compatiblePackage from './index.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const example = readme.split('<!-- example -->\n```ts\n')[1]?.split('\n```\n')[0] ?? ''

describe('the README example', () => {
  it('imports only names the package exports', () => {
    const imported = /import \{([^}]+)\} from '@dspex\/openai-compatible'/.exec(example)?.[1]?.split(',') ?? []
    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported) expect(Object.keys(compatiblePackage)).toContain(name.trim())
  })

  it('runs its vLLM, Groq and LM Studio calls against the fake OpenAI server', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'Rayleigh scattering.' })
    const vllm = compatiblePackage.createOpenAICompatible({ name: 'vllm', baseURL: server.url, quirks: { structuredOutputs: true } })
    const result = await vllm('Qwen/Qwen3-8B').generate({ messages: [{ role: 'user', content: 'Why is the sky blue?' }], maxTokens: 200 })
    expect(example).toContain("vllm('Qwen/Qwen3-8B')")
    expect(result.choices[0]?.text).toBe('Rayleigh scattering.')
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ max_tokens: 200 })

    process.env.DSPEX_README_GROQ_KEY = 'gsk-readme'
    try {
      const groq = compatiblePackage.createOpenAICompatible({ name: 'groq', baseURL: server.url, apiKeyEnvironmentVariable: 'DSPEX_README_GROQ_KEY' })
      let text = ''
      for await (const part of groq('qwen/qwen3-32b').stream({ messages: [{ role: 'user', content: 'Count to 3.' }] })) {
        if (part.type === 'text-delta') text += part.delta
      }
      expect(text).toBe('Rayleigh scattering.')
      expect(server.requests[1]?.headers.authorization).toBe('Bearer gsk-readme')
    } finally {
      delete process.env.DSPEX_README_GROQ_KEY
    }

    const lmstudio = compatiblePackage.createOpenAICompatible({ name: 'lmstudio', baseURL: server.url })
    const { embeddings } = await embedMany(lmstudio.embedding('text-embedding-nomic-embed-text-v1.5', { maxEmbeddingsPerCall: 64 }), {
      values: ['sunny day', 'rainy day'],
    })
    expect(embeddings).toHaveLength(2)
  })
})
