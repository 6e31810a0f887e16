import { type TestServer, createTestServer } from '@dspex/testing'
import type { StreamPart, ToolCallPart } from '@dspex/provider'
import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAI } from './openai-provider.js'
import { readFixture, sendFixtureChunks, sendFixtureJson } from './testing/openai-test-server.js'

interface FixtureCase {
  readonly name: string
  readonly generate: {
    readonly finishReason: string
    readonly usage: Record<string, number>
    readonly responseModel: string
    readonly reasoning?: boolean
    readonly toolCalls?: readonly ToolCallPart[]
  }
  readonly stream: {
    readonly finishReason: string
    readonly usage: Record<string, number>
    readonly toolCalls?: readonly Omit<ToolCallPart, 'id'>[]
  }
}

const cases: readonly FixtureCase[] = [
  {
    name: 'openai-text',
    generate: {
      finishReason: 'stop',
      usage: { promptTokens: 16, completionTokens: 363, totalTokens: 379, cachedPromptTokens: 0, reasoningTokens: 0 },
      responseModel: 'gpt-4.1-nano-2025-04-14',
    },
    stream: {
      finishReason: 'stop',
      usage: { promptTokens: 16, completionTokens: 300, totalTokens: 316, cachedPromptTokens: 0, reasoningTokens: 0 },
    },
  },
]

/** The recorded message's text and reasoning, read straight from the fixture. */
function recordedMessage(name: string): { content: string | null; reasoning?: string } {
  const body = JSON.parse(readFixture(`${name}.json`)) as {
    choices: { message: { content: string | null; reasoning_content?: string } }[]
  }
  const message = body.choices[0]?.message
  return { content: message?.content ?? null, ...(message?.reasoning_content ? { reasoning: message.reasoning_content } : {}) }
}

/** The recorded stream's text, joined from its deltas. */
function recordedStreamText(name: string): string {
  return readFixture(`${name}.chunks.txt`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { choices?: { delta?: { content?: string | null } }[] })
    .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
    .join('')
}

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('generate replays recorded responses', () => {
  for (const fixture of cases) {
    it(fixture.name, async () => {
      server = await createTestServer(sendFixtureJson(fixture.name))
      const provider = createOpenAI({ apiKey: 'sk-test', baseURL: server.url })
      const result = await provider('test-model').generate({ messages: [{ role: 'user', content: 'Hi' }] })
      const choice = result.choices[0]
      const recorded = recordedMessage(fixture.name)
      expect(result.choices).toHaveLength(1)
      expect(choice?.text).toBe(recorded.content)
      expect(choice?.finishReason).toBe(fixture.generate.finishReason)
      expect(choice?.toolCalls).toEqual(fixture.generate.toolCalls)
      expect(result.usage).toEqual(fixture.generate.usage)
      expect(result.responseModel).toBe(fixture.generate.responseModel)
      expect(result.raw).toEqual(JSON.parse(readFixture(`${fixture.name}.json`)))
      if (fixture.generate.reasoning) expect(choice?.reasoning).toBe(recorded.reasoning)
      else expect(choice?.reasoning).toBeUndefined()
      expect(server.requests[0]?.path).toBe('/chat/completions')
    })
  }
})

describe('stream replays recorded chunks', () => {
  for (const fixture of cases) {
    it(fixture.name, async () => {
      server = await createTestServer(sendFixtureChunks(fixture.name))
      const provider = createOpenAI({ apiKey: 'sk-test', baseURL: server.url })
      const parts: StreamPart[] = []
      for await (const part of provider('test-model').stream({ messages: [{ role: 'user', content: 'Hi' }] })) {
        parts.push(part)
      }
      const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('')
      expect(text).toBe(recordedStreamText(fixture.name))
      const toolCalls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []))
      expect(toolCalls.map(({ name, args }) => ({ name, args }))).toEqual(fixture.stream.toolCalls ?? [])
      for (const call of toolCalls) expect(call.id).not.toBe('')
      expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: fixture.stream.finishReason, usage: fixture.stream.usage })
      expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1)
      if (fixture.generate.reasoning && fixture.name.startsWith('deepseek')) {
        expect(parts.some((part) => part.type === 'reasoning-delta')).toBe(true)
      }
      const body = JSON.parse(server.requests[0]?.body ?? '{}') as Record<string, unknown>
      expect(body.stream).toBe(true)
      expect(body.stream_options).toEqual({ include_usage: true })
    })
  }
})
