import type { StreamPart } from '@dspex/provider'
import { createTestServer, replayServerSentEvents, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  googleStreamedCall,
  googleStreamedCallLeftOpen,
  googleStreamedCallWithoutTerminal,
  googleStreamedNestedArguments,
  googleStreamedNoArgumentCall,
  googleStreamedParallelCalls,
} from './__fixtures__/google-streamed-function-calls.js'
import { toGeminiServerSentEvents } from './__fixtures__/google-test-server.js'
import { createGoogle } from './google-provider.js'

// Gemini 3 streams function-call arguments in pieces (`partialArgs`, `willContinue`, a closing `functionCall: {}`).

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function stream(chunks: string) {
  server = await createTestServer(replayServerSentEvents(toGeminiServerSentEvents(chunks)))
  const model = createGoogle({ apiKey: 'gemini-test-key', baseURL: server.url })('gemini-3-pro-preview')
  const parts: StreamPart[] = []
  for await (const part of model.stream({ messages: [{ role: 'user', content: 'Go' }] })) parts.push(part)
  return { toolCalls: parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : [])), finish: parts.at(-1) }
}

describe('google stream: function-call arguments streamed in pieces', () => {
  it('assembles one call from its pieces, with the opening part signature, at the terminal functionCall: {}', async () => {
    const { toolCalls, finish } = await stream(googleStreamedCall)
    expect(toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { location: 'San Francisco' }, signature: 'Ci8Bjz1rX3sig' }])
    expect(finish).toEqual({
      type: 'finish',
      finishReason: 'tool-calls',
      rawFinishReason: 'STOP',
      usage: { promptTokens: 26, completionTokens: 155, totalTokens: 181, reasoningTokens: 132, providerTotalTokens: 181 },
    })
  })

  it('gives parallel calls one by one, each with its own arguments', async () => {
    const { toolCalls, finish } = await stream(googleStreamedParallelCalls)
    expect(toolCalls).toEqual([
      { id: 'call_0', name: 'weather', args: { location: 'Boston' }, signature: 'CiMBjz1rXparallel' },
      { id: 'call_1', name: 'weather', args: { location: 'San Francisco' } },
    ])
    expect(finish).toMatchObject({ finishReason: 'tool-calls' })
  })

  it('gives a call sent whole without arguments as empty arguments, then the streamed one', async () => {
    const { toolCalls } = await stream(googleStreamedNoArgumentCall)
    expect(toolCalls).toEqual([
      { id: 'call_0', name: 'read_theme', args: {}, signature: 'AY89a18noargs' },
      { id: 'call_1', name: 'read_screen', args: { id: 'A' } },
    ])
  })

  it('builds nested objects, arrays, numbers, booleans and null from the JSON paths', async () => {
    const { toolCalls } = await stream(googleStreamedNestedArguments)
    expect(toolCalls).toEqual([
      {
        id: 'call_0',
        name: 'cookRecipe',
        signature: 'CmIBjz1rXnested',
        args: {
          recipe: {
            name: 'Lasagna',
            ingredients: [
              { name: 'Noodles', grams: 450 },
              { name: 'Ricotta', grams: 425.5 },
            ],
            steps: ['Preheat the oven.', 'Layer and bake.'],
            vegetarian: true,
          },
          'serving note': null,
        },
      },
    ])
  })

  it('closes a call at its last piece when the terminal functionCall: {} is missing', async () => {
    const { toolCalls, finish } = await stream(googleStreamedCallWithoutTerminal)
    expect(toolCalls).toEqual([
      {
        id: 'call_0',
        name: 'writeItems',
        signature: 'AY89a19missing',
        args: {
          operations: [
            { action: 'add', price: 0.5 },
            { action: 'add', price: 0.3 },
          ],
        },
      },
    ])
    expect(finish).toMatchObject({ finishReason: 'tool-calls' })
  })

  it('gives a call still open when the stream finishes before the finish part', async () => {
    const { toolCalls, finish } = await stream(googleStreamedCallLeftOpen)
    expect(toolCalls).toEqual([{ id: 'call_0', name: 'weather', args: { location: 'Paris' } }])
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'tool-calls' })
  })
})
