import type { GenerateRequest, StreamPart } from '@dspex/provider'
import { createTestServer, replayServerSentEvents, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { readFixture, toGeminiServerSentEvents } from './__fixtures__/google-test-server.js'
import { createGoogle } from './google-provider.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A reasoning part with no thought text, carrying the thought signature Gemini put on a text part. */
const signedBy = (start: string) => ({
  type: 'reasoning',
  provider: 'google',
  text: '',
  signature: expect.stringMatching(new RegExp(`^${start.replace(/\+/g, '\\+')}`)),
})

const ask: GenerateRequest = { messages: [{ role: 'user', content: 'How many r in strawberry?' }] }

async function generate(fixture: string, request: GenerateRequest = ask) {
  server = await createTestServer([respondWith(200, readFixture(`${fixture}.json`))])
  return createGoogle({ apiKey: 'gemini-test-key', baseURL: server.url })('gemini-3-pro-preview').generate(request)
}

async function stream(fixture: string, request: GenerateRequest = ask) {
  server = await createTestServer([replayServerSentEvents(toGeminiServerSentEvents(readFixture(`${fixture}.chunks.txt`)))])
  const model = createGoogle({ apiKey: 'gemini-test-key', baseURL: server.url })('gemini-3-pro-preview')
  const parts: StreamPart[] = []
  for await (const part of model.stream(request)) parts.push(part)
  const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')
  const toolCalls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []))
  return { parts, text, toolCalls, finish: parts.at(-1), path: server.requests[0]?.path }
}

describe('google fixtures: generate', () => {
  it('google-text', async () => {
    const result = await generate('google-text')
    expect(result.choices).toEqual([
      {
        text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
        reasoningParts: [signedBy('EtoFCtcF')],
        finishReason: 'stop',
        rawFinishReason: 'STOP',
      },
    ])
    expect(result.usage).toEqual({ promptTokens: 9, completionTokens: 272, totalTokens: 281, reasoningTokens: 244, providerTotalTokens: 281 })
    expect(result.responseModel).toBe('gemini-3-pro-preview')
    expect(server?.requests[0]?.path).toBe('/models/gemini-3-pro-preview:generateContent')
  })

  it('google-reasoning', async () => {
    const result = await generate('google-reasoning')
    expect(result.choices[0]).toEqual({
      text: 'There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.',
      reasoningParts: [signedBy('EvsFCvgF')],
      finishReason: 'stop',
      rawFinishReason: 'STOP',
    })
    expect(result.usage).toEqual({ promptTokens: 9, completionTokens: 311, totalTokens: 320, reasoningTokens: 282, providerTotalTokens: 320 })
  })

  it('google-tool-call', async () => {
    const result = await generate('google-tool-call')
    expect(result.choices).toEqual([
      {
        text: null,
        toolCalls: [{ id: 'call_0', name: 'weather', args: { location: 'San Francisco' }, signature: expect.stringMatching(/^EskgCsYg/) }],
        finishReason: 'tool-calls',
        rawFinishReason: 'STOP',
      },
    ])
    expect(result.usage).toMatchObject({ promptTokens: 29, completionTokens: 908, totalTokens: 937, reasoningTokens: 893 })
  })
})

describe('google fixtures: stream', () => {
  it('google-text', async () => {
    const { text, finish, path, parts } = await stream('google-text')
    expect(parts.filter((part) => part.type === 'reasoning-part')).toEqual([{ type: 'reasoning-part', part: signedBy('EqsFCqgF') }])
    expect(text).toBe('There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y')
    expect(finish).toEqual({
      type: 'finish',
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      usage: { promptTokens: 9, completionTokens: 208, totalTokens: 217, reasoningTokens: 185, providerTotalTokens: 217 },
    })
    expect(path).toBe('/models/gemini-3-pro-preview:streamGenerateContent?alt=sse')
  })

  it('google-reasoning', async () => {
    const { text, finish } = await stream('google-reasoning')
    expect(text).toBe('There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.')
    expect(finish).toMatchObject({ finishReason: 'stop', usage: { totalTokens: 294, reasoningTokens: 256 } })
  })

  it('google-tool-call', async () => {
    const { toolCalls, finish, parts } = await stream('google-tool-call')
    expect(toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { location: 'San Francisco' }, signature: expect.stringMatching(/^EqUCCqIC/) }])
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([])
    expect(finish).toMatchObject({ finishReason: 'tool-calls', usage: { promptTokens: 29, totalTokens: 89 } })
  })

  it('sends the recorded signatures back where Gemini put them', async () => {
    const first = await generate('google-tool-call')
    await server?.close()
    const choice = first.choices[0]
    const call = choice?.toolCalls?.[0]
    const text = await generate('google-text', {
      messages: [
        ...ask.messages,
        { role: 'assistant', content: choice?.text ?? null, toolCalls: choice?.toolCalls ?? [] },
        { role: 'tool', toolCallId: call?.id ?? '', content: '{"temperature":18}' },
      ],
    })
    const sent = JSON.parse(server?.requests[0]?.body ?? '') as { contents: { role: string; parts: Record<string, unknown>[] }[] }
    expect(sent.contents[1]).toEqual({
      role: 'model',
      parts: [{ functionCall: { name: 'weather', args: { location: 'San Francisco' } }, thoughtSignature: call?.signature }],
    })
    const signature = text.choices[0]?.reasoningParts?.[0]?.signature
    await generate('google-text', {
      messages: [
        ...ask.messages,
        { role: 'assistant', content: 'Three.', reasoning: text.choices[0]?.reasoningParts ?? [] },
        { role: 'user', content: 'Sure?' },
      ],
    })
    const again = JSON.parse(server?.requests[0]?.body ?? '') as { contents: { role: string; parts: Record<string, unknown>[] }[] }
    expect(again.contents[1]).toEqual({ role: 'model', parts: [{ text: 'Three.', thoughtSignature: signature }] })
  })
})
