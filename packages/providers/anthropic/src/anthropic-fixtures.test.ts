import type { GenerateRequest, StreamPart } from '@dspex/provider'
import { createTestServer, replayServerSentEvents, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture, toAnthropicServerSentEvents } from './__fixtures__/anthropic-test-server.js'
import { createAnthropic } from './anthropic-provider.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ask: GenerateRequest = { messages: [{ role: 'user', content: 'Hello' }] }
const schema = { type: 'object', properties: {} }
const jsonTool: GenerateRequest = { ...ask, responseFormat: { type: 'json_schema', name: 'x', schema, strict: true } }
const outputFormat: GenerateRequest = { ...jsonTool, providerOptions: { anthropic: { structuredOutputMode: 'outputFormat' } } }

async function generate(fixture: string, request: GenerateRequest = ask) {
  server = await createTestServer([respondWith(200, readFixture(`${fixture}.json`))])
  return createAnthropic({ apiKey: 'sk-ant-test', baseURL: server.url })('claude-sonnet-4-5').generate(request)
}

async function stream(fixture: string, request: GenerateRequest = ask) {
  server = await createTestServer([replayServerSentEvents(toAnthropicServerSentEvents(readFixture(`${fixture}.chunks.txt`)))])
  const model = createAnthropic({ apiKey: 'sk-ant-test', baseURL: server.url })('claude-sonnet-4-5')
  const parts: StreamPart[] = []
  for await (const part of model.stream(request)) parts.push(part)
  const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')
  const toolCalls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []))
  const finish = parts.at(-1)
  return { parts, text, toolCalls, finish }
}

describe('anthropic fixtures: generate', () => {
  it('anthropic-text', async () => {
    const result = await generate('anthropic-text')
    expect(result.choices).toEqual([
      {
        text: "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
        finishReason: 'stop',
        rawFinishReason: 'end_turn',
      },
    ])
    expect(result.usage).toEqual({ promptTokens: 12, completionTokens: 29, totalTokens: 41, cachedPromptTokens: 0 })
    expect(result.responseModel).toBe('claude-sonnet-4-5-20250929')
  })

  it('anthropic-tool-no-args', async () => {
    const result = await generate('anthropic-tool-no-args')
    const choice = result.choices[0]
    expect(choice?.text).toMatch(/^<thinking>[\s\S]*Okay, I will update the current issue list:$/)
    expect(choice?.toolCalls).toEqual([{ id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1', name: 'updateIssueList', args: {} }])
    expect(choice?.finishReason).toBe('tool-calls')
    expect(result.usage).toMatchObject({ promptTokens: 602, completionTokens: 93, totalTokens: 695 })
  })

  it('anthropic-json-tool.1', async () => {
    const result = await generate('anthropic-json-tool.1', jsonTool)
    const choice = result.choices[0]
    expect(choice?.finishReason).toBe('stop')
    expect(choice?.toolCalls).toBeUndefined()
    const value = JSON.parse(choice?.text ?? '') as { elements: { location: string }[] }
    expect(value.elements.map((element) => element.location)).toEqual(['San Francisco', 'London', 'Paris', 'Berlin'])
    expect(result.usage).toMatchObject({ promptTokens: 1151, completionTokens: 87 })
    const sent = JSON.parse(server?.requests[0]?.body ?? '') as Record<string, unknown>
    expect(sent.tools).toEqual([{ name: 'json', description: 'Respond with a JSON object.', input_schema: schema }])
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'json' })
  })

  it('anthropic-json-output-format.1', async () => {
    const result = await generate('anthropic-json-output-format.1', outputFormat)
    const value = JSON.parse(result.choices[0]?.text ?? '') as { recipe: { name: string } }
    expect(value.recipe.name).toBe('Classic Lasagna')
    expect(result.choices[0]?.finishReason).toBe('stop')
    expect(result.usage).toMatchObject({ promptTokens: 371, completionTokens: 629, totalTokens: 1000 })
    const sent = JSON.parse(server?.requests[0]?.body ?? '') as Record<string, unknown>
    expect(sent.output_config).toEqual({ format: { type: 'json_schema', schema } })
    expect(sent.tools).toBeUndefined()
  })

  it('anthropic-refusal', async () => {
    const result = await generate('anthropic-refusal')
    expect(result.choices).toEqual([{ text: null, finishReason: 'refusal', rawFinishReason: 'refusal' }])
    expect(result.usage).toMatchObject({ promptTokens: 18, completionTokens: 5 })
  })
})

describe('anthropic fixtures: stream', () => {
  it('anthropic-text', async () => {
    const { text, finish } = await stream('anthropic-text')
    expect(text).toBe("Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?")
    expect(finish).toEqual({
      type: 'finish',
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: { promptTokens: 12, completionTokens: 30, totalTokens: 42, cachedPromptTokens: 0 },
    })
  })

  it('anthropic-tool-no-args', async () => {
    const { text, toolCalls, finish } = await stream('anthropic-tool-no-args')
    expect(text).toBe("I'll update the issue list for you.")
    expect(toolCalls).toEqual([{ id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', args: {} }])
    expect(finish).toMatchObject({ finishReason: 'tool-calls', usage: { promptTokens: 565, completionTokens: 48 } })
  })

  it('anthropic-json-tool.1', async () => {
    const { text, toolCalls, finish } = await stream('anthropic-json-tool.1', jsonTool)
    expect(JSON.parse(text)).toEqual({ elements: [{ location: 'San Francisco', temperature: 58, condition: 'sunny' }] })
    expect(toolCalls).toEqual([])
    expect(finish).toMatchObject({ finishReason: 'stop', usage: { promptTokens: 849, completionTokens: 47 } })
  })

  it('anthropic-json-output-format.1', async () => {
    const { text, finish } = await stream('anthropic-json-output-format.1', outputFormat)
    const value = JSON.parse(text) as { characters: { name: string }[] }
    expect(value.characters[0]?.name).toBe('Theron Ironheart')
    expect(finish).toMatchObject({ finishReason: 'stop', usage: { promptTokens: 313, completionTokens: 305 } })
    expect(JSON.parse(server?.requests[0]?.body ?? '')).toMatchObject({ stream: true, output_config: { format: { schema } } })
  })

  it('anthropic-refusal', async () => {
    const { parts } = await stream('anthropic-refusal')
    expect(parts).toEqual([
      {
        type: 'finish',
        finishReason: 'refusal',
        rawFinishReason: 'refusal',
        usage: { promptTokens: 18, completionTokens: 5, totalTokens: 23, cachedPromptTokens: 0 },
      },
    ])
  })
})
