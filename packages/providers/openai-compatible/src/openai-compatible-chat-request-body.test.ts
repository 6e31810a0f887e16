import { describe, expect, it } from 'vitest'
import { buildOpenAICompatibleChatRequestBody } from './openai-compatible-chat-request-body.js'

const messages = [{ role: 'user', content: 'Hi' }] as const
const tools = [{ name: 'weather', description: 'Weather of a city', parameters: { type: 'object' } }]
const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }

describe('buildOpenAICompatibleChatRequestBody', () => {
  it('sends sampling options under their Chat Completions names and leaves unset ones out', () => {
    const { body, warnings } = buildOpenAICompatibleChatRequestBody(
      'llama',
      { messages, temperature: 0.2, topP: 0.9, maxTokens: 100, stop: ['END'], seed: 7, n: 3, reasoningEffort: 'low' },
      false,
    )
    expect(body).toEqual({
      model: 'llama',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['END'],
      seed: 7,
      n: 3,
      reasoning_effort: 'low',
    })
    expect(warnings).toEqual([])
  })

  it('sends function tools, a named tool choice and parallel_tool_calls; auto, none and required as strings', () => {
    const { body } = buildOpenAICompatibleChatRequestBody('m', { messages, tools, toolChoice: { name: 'weather' }, parallelToolCalls: false }, false)
    expect(body.tools).toEqual([{ type: 'function', function: tools[0] }])
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } })
    expect(body.parallel_tool_calls).toBe(false)
    for (const toolChoice of ['auto', 'none', 'required'] as const) {
      expect(buildOpenAICompatibleChatRequestBody('m', { messages, tools, toolChoice }, false).body.tool_choice).toBe(toolChoice)
    }
  })

  it('drops a tool choice without tools, with a warning', () => {
    const { body, warnings } = buildOpenAICompatibleChatRequestBody('m', { messages, toolChoice: 'required' }, false)
    expect(body.tool_choice).toBeUndefined()
    expect(warnings).toEqual(['toolChoice was dropped: the request has no tools.'])
  })

  it('sends JSON mode as json_object and text as nothing', () => {
    expect(buildOpenAICompatibleChatRequestBody('m', { messages, responseFormat: { type: 'json' } }, false).body.response_format).toEqual({
      type: 'json_object',
    })
    expect('response_format' in buildOpenAICompatibleChatRequestBody('m', { messages, responseFormat: { type: 'text' } }, false).body).toBe(false)
  })

  it('asks for usage in the last chunk when streaming', () => {
    expect(buildOpenAICompatibleChatRequestBody('m', { messages }, true).body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    })
  })

  it('merges providerOptions of its key last, ignoring other providers', () => {
    const providerOptions = { groq: { reasoning_format: 'parsed' }, openai: { user: 'u' } }
    const { body } = buildOpenAICompatibleChatRequestBody('m', { messages, providerOptions }, false, { providerOptionsKey: 'groq' })
    expect(body).toMatchObject({ reasoning_format: 'parsed' })
    expect('user' in body).toBe(false)
    expect(buildOpenAICompatibleChatRequestBody('m', { messages, providerOptions }, false).body).toMatchObject({ user: 'u' })
  })
})

describe('quirks', () => {
  it('maxTokensParameter: max_completion_tokens replaces max_tokens', () => {
    const { body } = buildOpenAICompatibleChatRequestBody('m', { messages, maxTokens: 50 }, false, {
      quirks: { maxTokensParameter: 'max_completion_tokens' },
    })
    expect(body.max_completion_tokens).toBe(50)
    expect('max_tokens' in body).toBe(false)
  })

  it('structuredOutputs: json_schema is sent strict when true, as json_object with a warning by default', () => {
    const request = { messages, responseFormat: { type: 'json_schema', name: 'Answer', schema, strict: true } } as const
    const strict = buildOpenAICompatibleChatRequestBody('m', request, false, { quirks: { structuredOutputs: true } })
    expect(strict.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'Answer', schema, strict: true } })
    expect(strict.warnings).toEqual([])
    const fallback = buildOpenAICompatibleChatRequestBody('m', request, false)
    expect(fallback.body.response_format).toEqual({ type: 'json_object' })
    expect(fallback.warnings).toEqual(['responseFormat json_schema Answer was sent as json_object: the server does not enforce schemas.'])
  })

  it('jsonMode: false drops json_object (LM Studio), and json_schema without structured outputs', () => {
    const json = buildOpenAICompatibleChatRequestBody('m', { messages, responseFormat: { type: 'json' } }, false, { quirks: { jsonMode: false } })
    expect('response_format' in json.body).toBe(false)
    expect(json.warnings).toEqual(['responseFormat json was dropped: the server does not take json_object.'])
    const request = { messages, responseFormat: { type: 'json_schema', name: 'A', schema, strict: true } } as const
    const dropped = buildOpenAICompatibleChatRequestBody('m', request, false, { quirks: { jsonMode: false } })
    expect('response_format' in dropped.body).toBe(false)
    expect(dropped.warnings).toEqual(['responseFormat json_schema A was dropped: the server takes neither json_schema nor json_object.'])
  })

  it('streamUsage: false leaves stream_options out', () => {
    const { body } = buildOpenAICompatibleChatRequestBody('m', { messages }, true, { quirks: { streamUsage: false } })
    expect(body.stream).toBe(true)
    expect('stream_options' in body).toBe(false)
  })

  it('tools: false drops tools, tool choice and parallel_tool_calls with one warning', () => {
    const { body, warnings } = buildOpenAICompatibleChatRequestBody(
      'gemma',
      { messages, tools, toolChoice: 'auto', parallelToolCalls: true },
      false,
      {
        quirks: { tools: false },
      },
    )
    expect(['tools', 'tool_choice', 'parallel_tool_calls'].filter((key) => key in body)).toEqual([])
    expect(warnings).toEqual(['tools were dropped: gemma does not take tools on this server.'])
  })

  it('parallelToolCalls, reasoningEffort and multipleChoices: false drop their option with a warning', () => {
    const { body, warnings } = buildOpenAICompatibleChatRequestBody(
      'm',
      { messages, tools, parallelToolCalls: false, reasoningEffort: 'high', n: 2 },
      false,
      {
        quirks: { parallelToolCalls: false, reasoningEffort: false, multipleChoices: false },
      },
    )
    expect(['parallel_tool_calls', 'reasoning_effort', 'n'].filter((key) => key in body)).toEqual([])
    expect(warnings).toEqual([
      'parallelToolCalls was dropped: the server does not take parallel_tool_calls.',
      'reasoningEffort was dropped: the server does not take reasoning_effort.',
      'n 2 was dropped: the server returns one choice per call.',
    ])
    expect(buildOpenAICompatibleChatRequestBody('m', { messages, n: 1 }, false, { quirks: { multipleChoices: false } }).body.n).toBe(1)
  })

  it('reasoningModel: temperature (unless 1) and top_p are dropped with warnings', () => {
    const { body, warnings } = buildOpenAICompatibleChatRequestBody('r1', { messages, temperature: 0.7, topP: 0.5 }, false, {
      quirks: { reasoningModel: true },
    })
    expect('temperature' in body || 'top_p' in body).toBe(false)
    expect(warnings).toEqual(['r1 is a reasoning model: temperature 0.7 was dropped.', 'r1 is a reasoning model: topP 0.5 was dropped.'])
    expect(buildOpenAICompatibleChatRequestBody('r1', { messages, temperature: 1 }, false, { quirks: { reasoningModel: true } }).warnings).toEqual([])
  })
})
