import { Signature } from '@dspex/signatures'
import { Reasoning, Tool, ToolCalls } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { allCapabilities, scriptedModel } from './__fixtures__/scripted-model.js'
import { ChatAdapter } from './chat-adapter.js'
import { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { JSONAdapter } from './json-adapter.js'

const search = new Tool(() => 'result', {
  name: 'search',
  desc: 'Search the web.',
  args: { query: { type: 'string' }, k: { type: 'integer', default: 3 } },
})
const agent = Signature.parse('question, tools: list[Tool] -> answer, calls: ToolCalls')

describe('native function calling', () => {
  it('sends the Tool inputs as tool definitions and leaves both fields out of the prompt', () => {
    const adapter = new JSONAdapter({ parallelToolCalls: false })
    const plan = adapter.plan(agent, allCapabilities, { question: 'q', tools: [search] })
    expect(plan.signature.fields.map((field) => field.name)).toEqual(['question', 'answer'])
    expect(plan.request).toEqual({
      tools: [
        {
          name: 'search',
          description: 'Search the web.',
          parameters: { type: 'object', properties: { query: { type: 'string' }, k: { type: 'integer', default: 3 } }, required: ['query'] },
        },
      ],
      parallelToolCalls: false,
      toolChoice: 'auto',
    })
    expect(adapter.requestOptions(agent, allCapabilities, { question: 'q', tools: search }).tools).toHaveLength(1)
  })

  it('keeps the fields in the prompt when the model cannot call tools or native calling is off', () => {
    const noTools = { ...allCapabilities, toolCalling: false }
    expect(new JSONAdapter().plan(agent, noTools, { question: 'q', tools: [search] }).signature).toBe(agent)
    expect(new ChatAdapter().plan(agent, allCapabilities, { question: 'q', tools: [search] }).request).toEqual({})
  })

  it('turns the model’s tool calls into the ToolCalls output, other outputs defaulting to None', async () => {
    const model = scriptedModel(
      [[{ text: null, toolCalls: [{ id: 'call_1', name: 'search', args: { query: 'cats' } }], finishReason: 'tool-calls' }]],
      allCapabilities,
    )
    const [outputs] = await new JSONAdapter().call(model, { signature: agent, inputs: { question: 'q', tools: [search] } })
    expect(outputs?.answer).toBeNull()
    const calls = outputs?.calls
    expect(calls).toBeInstanceOf(ToolCalls)
    expect((calls as ToolCalls).tool_calls[0]).toMatchObject({ id: 'call_1', name: 'search', args: { query: 'cats' } })
    expect(model.requests[0]?.tools?.[0]?.name).toBe('search')
    expect(model.requests[0]?.messages[0]?.content).not.toContain('[[ ## tools ## ]]')
  })

  it('keeps text outputs parsed next to the tool calls, and ignores text that does not parse', async () => {
    const call = { id: 'c', name: 'search', args: {} }
    const model = scriptedModel([[{ text: '{"answer": "thinking"}', toolCalls: [call] }], [{ text: 'not json', toolCalls: [call] }]], allCapabilities)
    const adapter = new JSONAdapter()
    const [first] = await adapter.call(model, { signature: agent, inputs: { question: 'q', tools: [search] } })
    expect(first?.answer).toBe('thinking')
    const [second] = await adapter.call(model, { signature: agent, inputs: { question: 'q', tools: [search] } })
    expect(second?.answer).toBeNull()
  })

  it('drops tool options the caller passed when native calling is off', async () => {
    const model = scriptedModel(['[[ ## answer ## ]]\na\n\n[[ ## calls ## ]]\n{"tool_calls": []}'])
    await new ChatAdapter().call(model, {
      signature: agent,
      inputs: { question: 'q', tools: [search] },
      request: { tools: [{ name: 'x', description: '', parameters: {} }], toolChoice: 'auto', temperature: 0 },
    })
    expect(model.requests[0]).not.toHaveProperty('tools')
    expect(model.requests[0]).not.toHaveProperty('toolChoice')
    expect(model.requests[0]?.temperature).toBe(0)
  })

  it('rejects a ToolCalls output without a tool input', () => {
    expect(() => new JSONAdapter().plan(Signature.parse('q -> calls: ToolCalls'), allCapabilities, {})).toThrow(AdapterConfigurationError)
  })
})

describe('native reasoning', () => {
  it('asks a reasoning model to reason natively and fills the Reasoning output from its reasoning', async () => {
    const signature = Signature.parse('question -> thoughts: Reasoning, answer')
    const model = scriptedModel([[{ text: '[[ ## answer ## ]]\n42', reasoning: 'because' }]], { ...allCapabilities, reasoning: true })
    const [outputs] = await new ChatAdapter().call(model, { signature, inputs: { question: 'q' } })
    expect(model.requests[0]?.reasoningEffort).toBe('low')
    expect(model.requests[0]?.messages[0]?.content).not.toContain('[[ ## thoughts ## ]]')
    expect(outputs?.answer).toBe('42')
    expect(outputs?.thoughts).toBeInstanceOf(Reasoning)
    expect(String(outputs?.thoughts)).toBe('because')
  })
})

describe('Adapter.call', () => {
  it('reports an empty completion as DSPy does', async () => {
    const model = scriptedModel([[{ text: '' }], [{ text: null }]])
    const error = await new ChatAdapter({ useJSONAdapterFallback: false })
      .call(model, { signature: Signature.parse('q -> a'), inputs: { q: 'x' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AdapterParseError)
    expect((error as Error).message).toMatch(/^The LM returned an empty or null response\.\n\nAdapter ChatAdapter failed/)
  })

  it('applies defaults of optional outputs to every completion', async () => {
    const model = scriptedModel(['[[ ## a ## ]]\nx'])
    const outputs = await new ChatAdapter().call(model, { signature: Signature.parse('q -> a, b: Optional[int]'), inputs: { q: '1' } })
    expect(outputs).toEqual([{ a: 'x', b: null }])
  })

  it('rejects a model without generate', async () => {
    await expect(
      new ChatAdapter({ useJSONAdapterFallback: false }).call({} as never, { signature: Signature.parse('q -> a'), inputs: {} }),
    ).rejects.toThrow(AdapterConfigurationError)
  })
})

describe('Adapter.format with many demos', () => {
  it('formats 200,000 demos without overflowing the stack', () => {
    const signature = Signature.parse('question -> answer')
    const demos = Array.from({ length: 200_000 }, (_, index) => ({ question: `q${index}`, answer: `a${index}` }))
    const messages = new ChatAdapter().format(signature, demos, { question: 'q' })
    expect(messages).toHaveLength(400_002)
    expect(messages[400_000]?.content).toBe('[[ ## answer ## ]]\na199999\n\n[[ ## completed ## ]]\n')
  })
})
