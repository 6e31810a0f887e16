import type { StreamPart, ToolCallPart } from '@dspex/provider'
import { createTestServer, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture, sendFixtureChunks, sendFixtureJSON } from './__fixtures__/openai-compatible-test-server.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'

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

const weatherSF = { name: 'weather', args: { location: 'San Francisco' } }

const cases: readonly FixtureCase[] = [
  {
    name: 'deepseek-text',
    generate: {
      finishReason: 'length',
      usage: { promptTokens: 13, completionTokens: 300, totalTokens: 313, cachedPromptTokens: 0 },
      responseModel: 'deepseek-chat',
    },
    stream: { finishReason: 'length', usage: { promptTokens: 13, completionTokens: 400, totalTokens: 413, cachedPromptTokens: 0 } },
  },
  {
    name: 'deepseek-reasoning',
    generate: {
      finishReason: 'stop',
      usage: { promptTokens: 18, completionTokens: 345, totalTokens: 363, cachedPromptTokens: 0, reasoningTokens: 315 },
      responseModel: 'deepseek-reasoner',
      reasoning: true,
    },
    stream: {
      finishReason: 'stop',
      usage: { promptTokens: 18, completionTokens: 219, totalTokens: 237, cachedPromptTokens: 0, reasoningTokens: 205 },
    },
  },
  {
    name: 'deepseek-tool-call',
    generate: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 339, completionTokens: 92, totalTokens: 431, cachedPromptTokens: 320, reasoningTokens: 48 },
      responseModel: 'deepseek-reasoner',
      reasoning: true,
      toolCalls: [{ id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo', ...weatherSF }],
    },
    stream: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 339, completionTokens: 83, totalTokens: 422, cachedPromptTokens: 320, reasoningTokens: 39 },
      toolCalls: [weatherSF],
    },
  },
  {
    name: 'groq-text',
    generate: {
      finishReason: 'stop',
      usage: { promptTokens: 45, completionTokens: 607, totalTokens: 652 },
      responseModel: 'llama-3.3-70b-versatile',
    },
    stream: { finishReason: 'stop', usage: { promptTokens: 45, completionTokens: 662, totalTokens: 707 } },
  },
  {
    name: 'groq-tool-call',
    generate: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 218, completionTokens: 15, totalTokens: 233 },
      responseModel: 'llama-3.3-70b-versatile',
      toolCalls: [{ id: 'ax9fskhev', name: 'weather', args: {} }],
    },
    stream: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 210, completionTokens: 15, totalTokens: 225 },
      toolCalls: [{ name: 'weather', args: {} }],
    },
  },
  {
    name: 'mistral-text',
    generate: {
      finishReason: 'stop',
      usage: { promptTokens: 13, completionTokens: 434, totalTokens: 447 },
      responseModel: 'mistral-small-latest',
    },
    stream: { finishReason: 'stop', usage: { promptTokens: 13, completionTokens: 8, totalTokens: 21 } },
  },
  {
    name: 'mistral-tool-call',
    generate: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 124, completionTokens: 22, totalTokens: 146 },
      responseModel: 'mistral-small-latest',
      toolCalls: [{ id: 'gSIMJiOkT', ...weatherSF }],
    },
    stream: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 124, completionTokens: 22, totalTokens: 146 },
      toolCalls: [weatherSF],
    },
  },
  {
    name: 'xai-text',
    generate: {
      finishReason: 'stop',
      usage: { promptTokens: 12, completionTokens: 1, totalTokens: 241, cachedPromptTokens: 2, reasoningTokens: 228 },
      responseModel: 'grok-3-mini',
      reasoning: true,
    },
    stream: {
      finishReason: 'stop',
      usage: { promptTokens: 12, completionTokens: 1, totalTokens: 303, cachedPromptTokens: 11, reasoningTokens: 290 },
    },
  },
  {
    name: 'xai-tool-call',
    generate: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 291, completionTokens: 26, totalTokens: 506, cachedPromptTokens: 244, reasoningTokens: 189 },
      responseModel: 'grok-3-mini',
      reasoning: true,
      toolCalls: [{ id: 'call_93562515', ...weatherSF }],
    },
    stream: {
      finishReason: 'tool-calls',
      usage: { promptTokens: 291, completionTokens: 26, totalTokens: 513, cachedPromptTokens: 290, reasoningTokens: 196 },
      toolCalls: [weatherSF],
    },
  },
]

/** The `finish_reason` the recordings send for a normalized finish reason (every recording reports one). */
const recordedFinishReason = (reason: string): string => (reason === 'tool-calls' ? 'tool_calls' : reason)

/** The recorded message's text and reasoning, read straight from the fixture. */
function recordedMessage(name: string): { content: string | null; reasoning?: string } {
  const body = JSON.parse(readFixture(`${name}.json`)) as {
    choices: { message: { content: string | null; reasoning_content?: string } }[]
  }
  const message = body.choices[0]?.message
  return { content: message?.content ?? null, ...(message?.reasoning_content ? { reasoning: message.reasoning_content } : {}) }
}

/** The recorded stream's reasoning, joined from its deltas. */
function recordedStreamReasoning(name: string): string {
  return readFixture(`${name}.chunks.txt`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { choices?: { delta?: { reasoning_content?: string | null } }[] })
    .map((chunk) => chunk.choices?.[0]?.delta?.reasoning_content ?? '')
    .join('')
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
      server = await createTestServer(sendFixtureJSON(fixture.name))
      const provider = createOpenAICompatible({ name: fixture.name.split('-')[0] ?? 'test', apiKey: 'sk-test', baseURL: server.url })
      const model = provider('test-model')
      const result = await model.generate({ messages: [{ role: 'user', content: 'Hi' }] })
      const choice = result.choices[0]
      const recorded = recordedMessage(fixture.name)
      expect(result.choices).toHaveLength(1)
      expect(model.provider).toBe(fixture.name.split('-')[0])
      expect(choice?.text).toBe(recorded.content)
      expect(choice?.finishReason).toBe(fixture.generate.finishReason)
      expect(choice?.rawFinishReason).toBe(recordedFinishReason(fixture.generate.finishReason))
      expect(choice?.toolCalls).toEqual(fixture.generate.toolCalls)
      expect(result.usage).toEqual({ ...fixture.generate.usage, providerTotalTokens: fixture.generate.usage.totalTokens })
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
      const provider = createOpenAICompatible({ name: fixture.name.split('-')[0] ?? 'test', apiKey: 'sk-test', baseURL: server.url })
      const parts: StreamPart[] = []
      for await (const part of provider('test-model').stream({ messages: [{ role: 'user', content: 'Hi' }] })) {
        parts.push(part)
      }
      const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('')
      expect(text).toBe(recordedStreamText(fixture.name))
      const toolCalls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []))
      expect(toolCalls.map(({ name, args }) => ({ name, args }))).toEqual(fixture.stream.toolCalls ?? [])
      for (const call of toolCalls) expect(call.id).not.toBe('')
      const reasoning = parts.map((part) => (part.type === 'reasoning-delta' ? part.delta : '')).join('')
      expect(reasoning).toBe(recordedStreamReasoning(fixture.name))
      expect(parts.at(-1)).toEqual({
        type: 'finish',
        finishReason: fixture.stream.finishReason,
        rawFinishReason: recordedFinishReason(fixture.stream.finishReason),
        usage: { ...fixture.stream.usage, providerTotalTokens: fixture.stream.usage.totalTokens },
      })
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
