import { createTestServer, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { MissingBaseURLError } from './errors/missing-base-url-error.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'
import { isOpenAICompatibleServerName, openaiCompatibleServers } from './openai-compatible-servers.js'

let server: TestServer | undefined
const savedKey = process.env.GROQ_API_KEY
afterEach(async () => {
  await server?.close()
  server = undefined
  if (savedKey === undefined) delete process.env.GROQ_API_KEY
  else process.env.GROQ_API_KEY = savedKey
})

const completion = JSON.stringify({
  id: 'c1',
  object: 'chat.completion',
  created: 0,
  model: 'llama',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
})

describe('openaiCompatibleServers', () => {
  it('lists https base URLs and a key variable for every hosted service', () => {
    for (const [name, entry] of Object.entries(openaiCompatibleServers)) {
      expect(isOpenAICompatibleServerName(name)).toBe(true)
      if (name === 'lm_studio') continue
      expect(entry.baseURL, name).toMatch(/^https:\/\//)
      expect('apiKeyEnvironmentVariable' in entry && entry.apiKeyEnvironmentVariable, name).toMatch(/^[A-Z_]+_API_KEY$/)
    }
    expect(isOpenAICompatibleServerName('toString')).toBe(false)
  })

  it("fills a known service's key variable and quirks in, keeping a given base URL", async () => {
    server = await createTestServer((_request, response) => response.end(completion))
    process.env.GROQ_API_KEY = 'gsk-test-key'
    const groq = createOpenAICompatible({ name: 'groq', baseURL: server.url })
    const result = await groq('llama').generate({ messages: [{ role: 'user', content: 'Hi' }], n: 2 })
    expect(result.choices[0]?.text).toBe('hi')
    expect(result.warnings).toContain('n 2 was dropped: the server returns one choice per call.')
    const [request] = server.requests
    expect(request?.headers.authorization).toBe('Bearer gsk-test-key')
    expect(JSON.parse(request?.body ?? '{}')).not.toHaveProperty('n')
  })

  it('needs a base URL for an unknown name, with a typed error listing the known ones', () => {
    expect(() => createOpenAICompatible({ name: 'my-server' })).toThrow(MissingBaseURLError)
    expect(() => createOpenAICompatible({ name: 'my-server' })).toThrow(/known: groq, deepseek/)
  })
})
