import type { StreamPart } from '@dspex/provider'
import { createTestServer, readRecordedPayloads, replayServerSentEvents, respondWith, type TestServer, toServerSentEvents } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { mistralThinkingChunks, mistralThinkingReply } from './__fixtures__/mistral-thinking.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'

// Mistral's reasoning models answer with typed `content` parts; thinking goes to reasoning, text to text.

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const messages = [{ role: 'user', content: 'What is 2 + 2?' }] as const

describe('typed content parts (Mistral reasoning models)', () => {
  it('generate: thinking parts become the reasoning and text parts the text', async () => {
    server = await createTestServer(respondWith(200, mistralThinkingReply))
    const result = await createOpenAICompatible({ name: 'mistral', apiKey: 'test-key', baseURL: server.url })('magistral-medium-latest').generate({
      messages,
    })
    expect(result.choices).toEqual([
      { text: '2 + 2 = **4**.', reasoning: 'The user asks for 2 + 2. That is 4.', finishReason: 'stop', rawFinishReason: 'stop' },
    ])
    expect(result.usage).toEqual({ promptTokens: 12, completionTokens: 40, totalTokens: 52, providerTotalTokens: 52 })
  })

  it('stream: typed thinking chunks are reasoning deltas, typed and plain text chunks text deltas, as generate reads them', async () => {
    server = await createTestServer(replayServerSentEvents(toServerSentEvents(readRecordedPayloads(mistralThinkingChunks), { done: true })))
    const parts: StreamPart[] = []
    const model = createOpenAICompatible({ name: 'mistral', apiKey: 'test-key', baseURL: server.url })('magistral-medium-latest')
    for await (const part of model.stream({ messages })) parts.push(part)
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'The user asks for 2 + 2. ' },
      { type: 'reasoning-delta', delta: 'That is 4.' },
      { type: 'text-delta', delta: '2 + 2' },
      { type: 'text-delta', delta: ' = **4**.' },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        usage: { promptTokens: 12, completionTokens: 40, totalTokens: 52, providerTotalTokens: 52 },
      },
    ])
  })
})
