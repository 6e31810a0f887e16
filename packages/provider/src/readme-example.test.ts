import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createAcme } from './__fixtures__/acme-provider.js'
import { createTestServer, sendJSON, type TestServer } from './__fixtures__/create-test-server.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { ContextWindowExceededError } from './errors/context-window-exceeded-error.js'
import { LoadAPIKeyError } from './errors/load-api-key-error.js'
import type { StreamPart } from './language-model/language-model.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  delete process.env.ACME_API_KEY
})

const messages = [{ role: 'user', content: 'Hi!' }] as const

describe('the README example provider', () => {
  it('is printed in the README exactly as it is tested', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const source = readFileSync(new URL('./__fixtures__/acme-provider.ts', import.meta.url), 'utf8')
    // Four backticks: the example's doc comments hold three.
    const block = readme.split('<!-- example: src/__fixtures__/acme-provider.ts -->\n````ts\n')[1]?.split('\n````\n')[0]
    expect(`${block}\n`).toBe(source.replace("from '../index.js'", "from '@dspex/provider'"))
  })

  it('generates through an OpenAI-compatible API', async () => {
    server = await createTestServer((_request, response) =>
      sendJSON(response, 200, {
        model: 'acme-1-2025',
        choices: [{ message: { content: 'Hello!' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      }),
    )
    const model = createAcme({ baseURL: server.url, apiKey: 'acme-key-1' })('acme-1')
    expect(model.provider).toBe('acme')
    const result = await model.generate({ messages, temperature: 0 })
    expect(result.choices).toEqual([{ text: 'Hello!', finishReason: 'stop' }])
    expect(result.usage).toEqual({ promptTokens: 3, completionTokens: 2, totalTokens: 5 })
    expect(result.responseModel).toBe('acme-1-2025')
    const [request] = server.requests
    expect(request?.path).toBe('/chat/completions')
    expect(request?.headers.authorization).toBe('Bearer acme-key-1')
    expect(JSON.parse(request?.body ?? '')).toEqual({ model: 'acme-1', messages, temperature: 0, stream: false })
  })

  it('streams text deltas and the finish reason', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      const chunk = (content: string | undefined, finish: string | null) =>
        `data: ${JSON.stringify({ choices: [{ delta: content === undefined ? {} : { content }, finish_reason: finish }] })}\n\n`
      response.end(`${chunk('Hel', null)}${chunk('lo', null)}${chunk(undefined, 'length')}data: [DONE]\n\n`)
    })
    process.env.ACME_API_KEY = 'acme-key-from-env'
    const parts: StreamPart[] = []
    for await (const part of createAcme({ baseURL: server.url })('acme-1').stream({ messages })) parts.push(part)
    expect(parts).toEqual([
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'finish', finishReason: 'length' },
    ])
    expect(server.requests[0]?.headers.authorization).toBe('Bearer acme-key-from-env')
  })

  it('maps its errors, and reads the key only when called', async () => {
    server = await createTestServer([
      (_request, response) => sendJSON(response, 400, { error: { type: 'context_length_exceeded', message: 'too long' } }),
      (_request, response) => sendJSON(response, 401, { error: { message: 'bad key' } }),
    ])
    const model = createAcme({ baseURL: server.url })('acme-1')
    await expect(model.generate({ messages })).rejects.toBeInstanceOf(LoadAPIKeyError)
    expect(server.requests).toHaveLength(0)
    process.env.ACME_API_KEY = 'acme-key-2'
    await expect(model.generate({ messages })).rejects.toBeInstanceOf(ContextWindowExceededError)
    await expect(model.generate({ messages })).rejects.toBeInstanceOf(AuthenticationError)
  })
})
