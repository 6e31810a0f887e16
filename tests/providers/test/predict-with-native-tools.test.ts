// Native function calling through each provider over HTTP: a signature with a list[Tool] input and
// a ToolCalls output, the tools in each provider's wire shape, the model's tool call parsed back.
import { ChatAdapter, JSONAdapter } from '@dspex/formats'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context } from '@dspex/primitives'
import { type FakeRequest, startFakeProviderServer } from '@dspex/testing'
import { Tool, ToolCalls } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { providerCases } from './provider-cases.js'

const agentSignature = 'question, tools: list[Tool] -> answer, tool_calls: ToolCalls'

const getWeather = new Tool(({ city }: { city: string }) => `Sunny in ${city}`, {
  name: 'get_weather',
  desc: 'Current weather in a city.',
  args: { city: { type: 'string', description: 'The city.' } },
})
const search = new Tool(({ query }: { query: string }) => `Results for ${query}`, {
  name: 'search',
  desc: 'Search the web.',
  args: { query: { type: 'string' }, k: { type: 'integer', default: 3 } },
})
const inputs = { question: 'What is the weather in Paris?', tools: [getWeather, search] }

const weatherParameters = { type: 'object', properties: { city: { type: 'string', description: 'The city.' } }, required: ['city'] }
const searchParameters = { type: 'object', properties: { query: { type: 'string' }, k: { type: 'integer', default: 3 } }, required: ['query'] }

const body = (request: FakeRequest | undefined): Record<string, unknown> => request?.json as Record<string, unknown>

/** How each provider declares the two tools. */
const toolsOnTheWire: Record<string, (request: Record<string, unknown>) => void> = {
  openai: (request) =>
    expect(request.tools).toEqual([
      { type: 'function', function: { name: 'get_weather', description: 'Current weather in a city.', parameters: weatherParameters } },
      { type: 'function', function: { name: 'search', description: 'Search the web.', parameters: searchParameters } },
    ]),
  anthropic: (request) =>
    expect(request.tools).toEqual([
      { name: 'get_weather', description: 'Current weather in a city.', input_schema: weatherParameters },
      { name: 'search', description: 'Search the web.', input_schema: searchParameters },
    ]),
  google: (request) =>
    expect(request.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Current weather in a city.',
            parameters: expect.objectContaining({ properties: { city: expect.objectContaining({ description: 'The city.' }) }, required: ['city'] }),
          },
          {
            name: 'search',
            description: 'Search the web.',
            parameters: expect.objectContaining({ properties: { query: expect.any(Object), k: expect.any(Object) }, required: ['query'] }),
          },
        ],
      },
    ]),
  ollama: (request) =>
    expect(request.tools).toEqual([
      { type: 'function', function: { name: 'get_weather', description: 'Current weather in a city.', parameters: weatherParameters } },
      { type: 'function', function: { name: 'search', description: 'Search the web.', parameters: searchParameters } },
    ]),
}

const adapters = [
  { adapterName: 'ChatAdapter with native function calling', adapter: () => new ChatAdapter({ useNativeFunctionCalling: true }) },
  { adapterName: 'JSONAdapter', adapter: () => new JSONAdapter() },
] as const

describe.each(adapters)('$adapterName', ({ adapterName, adapter }) => {
  describe.concurrent.each(providerCases)('through $name', (provider) => {
    const expectTools = toolsOnTheWire[provider.name]

    it('sends the tools natively and returns the model’s tool call as ToolCalls', async () => {
      const server = await startFakeProviderServer({
        protocol: provider.protocol,
        reply: () => ({ toolCalls: [{ id: 'call_weather', name: 'get_weather', arguments: { city: 'Paris' } }] }),
      })
      try {
        const lm = new LM(provider.model(server.url), { cache: false })
        const prediction = await context({ adapter: adapter() }, () => new Predict(agentSignature, { lm }).call(inputs))
        expect(prediction.tool_calls).toBeInstanceOf(ToolCalls)
        expect(prediction.tool_calls.tool_calls).toHaveLength(1)
        expect(prediction.tool_calls.tool_calls[0]).toMatchObject({ name: 'get_weather', args: { city: 'Paris' } })
        expect(prediction.answer).toBeNull()
        expect(server.requests).toHaveLength(1)
        const request = body(server.requests[0])
        if (adapterName === 'JSONAdapter' && provider.name === 'anthropic') {
          // The JSONAdapter also asks for the `answer` schema, which @dspex/anthropic sends as a third tool, `json`
          // (DSPy through LiteLLM does the same), with tool_choice forced to it.
          expect((request.tools as { name: string }[]).map((tool) => tool.name)).toEqual(['get_weather', 'search', 'json'])
          expect(request.tools).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'get_weather', input_schema: weatherParameters })]))
        } else {
          expectTools?.(request)
        }
        // The tools travel natively, so neither field is rendered into the prompt.
        expect(server.requests[0]?.body).not.toContain('[[ ## tools ## ]]')
        expect(server.requests[0]?.body).not.toContain('[[ ## tool_calls ## ]]')
        expect(server.requests[0]?.body).toContain('What is the weather in Paris?')
      } finally {
        await server.close()
      }
    })

    it('runs the returned tool call through the Tool', async () => {
      const server = await startFakeProviderServer({
        protocol: provider.protocol,
        reply: () => ({ toolCalls: [{ id: 'call_search', name: 'search', arguments: { query: 'Paris weather', k: 2 } }] }),
      })
      try {
        const lm = new LM(provider.model(server.url), { cache: false })
        const prediction = await context({ adapter: adapter() }, () => new Predict(agentSignature, { lm }).call(inputs))
        const toolCalls = prediction.tool_calls
        // Typed by the signature as a plain ToolCallsValue; at run time it is DSPy's ToolCalls, whose calls execute.
        if (!(toolCalls instanceof ToolCalls)) throw new Error('tool_calls is not a ToolCalls')
        const [call] = toolCalls.tool_calls
        expect(call).toMatchObject({ name: 'search', args: { query: 'Paris weather', k: 2 } })
        expect(await call?.execute([getWeather, search])).toBe('Results for Paris weather')
      } finally {
        await server.close()
      }
    })
  })
})
