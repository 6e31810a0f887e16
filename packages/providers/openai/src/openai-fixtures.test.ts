import type { StreamPart } from '@dspex/provider'
import { createTestServer, readRecordedPayloads, replayServerSentEvents, respondWith, type TestServer, toServerSentEvents } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture } from './__fixtures__/openai-test-server.js'
import { createOpenAI } from './openai-provider.js'

// The recorded `openai-*` fixtures, replayed through createOpenAI. The other Chat Completions recordings (DeepSeek,
// Groq, Mistral, xAI) replay through createOpenAICompatible in @dspex/openai-compatible.

const messages = [{ role: 'user', content: 'Hi' }] as const
const recordedBody = readFixture('openai-text.json')
const recordedPayloads = readRecordedPayloads(readFixture('openai-text.chunks.txt'))

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('generate replays recorded responses', () => {
  it('openai-text', async () => {
    server = await createTestServer(respondWith(200, recordedBody))
    const result = await createOpenAI({ apiKey: 'sk-test', baseURL: server.url })('test-model').generate({ messages })
    const recorded = JSON.parse(recordedBody) as { choices: { message: { content: string | null } }[] }
    const choice = result.choices[0]
    expect(result.choices).toHaveLength(1)
    expect(choice?.text).toBe(recorded.choices[0]?.message.content)
    expect(choice?.finishReason).toBe('stop')
    expect(choice?.toolCalls).toBeUndefined()
    expect(choice?.reasoning).toBeUndefined()
    expect(result.usage).toEqual({
      promptTokens: 16,
      completionTokens: 363,
      totalTokens: 379,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
      providerTotalTokens: 379,
    })
    expect(choice?.rawFinishReason).toBe('stop')
    expect(result.responseModel).toBe('gpt-4.1-nano-2025-04-14')
    expect(result.raw).toEqual(recorded)
    expect(server.requests[0]?.path).toBe('/chat/completions')
  })
})

describe('stream replays recorded chunks', () => {
  it('openai-text', async () => {
    server = await createTestServer(replayServerSentEvents(toServerSentEvents(recordedPayloads, { done: true })))
    const parts: StreamPart[] = []
    for await (const part of createOpenAI({ apiKey: 'sk-test', baseURL: server.url })('test-model').stream({ messages })) {
      parts.push(part)
    }
    const recordedText = recordedPayloads
      .map((line) => JSON.parse(line) as { choices?: { delta?: { content?: string | null } }[] })
      .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
      .join('')
    expect(parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('')).toBe(recordedText)
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([])
    const usage = { promptTokens: 16, completionTokens: 300, totalTokens: 316, cachedPromptTokens: 0, reasoningTokens: 0, providerTotalTokens: 316 }
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', usage })
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1)
    const body = JSON.parse(server.requests[0]?.body ?? '{}') as Record<string, unknown>
    expect(body.stream).toBe(true)
    expect(body.stream_options).toEqual({ include_usage: true })
  })
})
