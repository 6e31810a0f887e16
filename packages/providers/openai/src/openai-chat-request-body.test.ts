import { describe, expect, it } from 'vitest'
import { buildOpenAIChatRequestBody } from './openai-chat-request-body.js'

const messages = [{ role: 'user', content: 'Hi' }] as const

describe('buildOpenAIChatRequestBody', () => {
  it('sends sampling options under their Chat Completions names and leaves unset ones out', () => {
    const { body, warnings } = buildOpenAIChatRequestBody(
      'gpt-4o-mini',
      { messages, temperature: 0.2, topP: 0.9, maxTokens: 100, stop: ['END'], seed: 7, n: 3 },
      false,
    )
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['END'],
      seed: 7,
      n: 3,
    })
    expect(warnings).toEqual([])
  })

  it('sends function tools, a named tool choice and parallel_tool_calls', () => {
    const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] }
    const { body } = buildOpenAIChatRequestBody(
      'gpt-4o',
      {
        messages,
        tools: [{ name: 'weather', description: 'Weather of a city', parameters }],
        toolChoice: { name: 'weather' },
        parallelToolCalls: false,
      },
      false,
    )
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'weather', description: 'Weather of a city', parameters } }])
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } })
    expect(body.parallel_tool_calls).toBe(false)
  })

  it('passes auto, none and required tool choices as strings', () => {
    const tools = [{ name: 'f', description: 'd', parameters: { type: 'object' } }]
    for (const toolChoice of ['auto', 'none', 'required'] as const) {
      expect(buildOpenAIChatRequestBody('gpt-4o', { messages, tools, toolChoice }, false).body.tool_choice).toBe(toolChoice)
    }
  })

  it('drops a tool choice without tools, with a warning', () => {
    const { body, warnings } = buildOpenAIChatRequestBody('gpt-4o', { messages, toolChoice: 'required' }, false)
    expect(body.tool_choice).toBeUndefined()
    expect(warnings).toEqual(['toolChoice was dropped: the request has no tools.'])
  })

  it('sends a strict json_schema response format', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }
    const { body } = buildOpenAIChatRequestBody(
      'gpt-4o',
      { messages, responseFormat: { type: 'json_schema', name: 'Answer', schema, strict: true } },
      false,
    )
    expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'Answer', schema, strict: true } })
  })

  it('sends JSON mode as json_object and text as nothing', () => {
    expect(buildOpenAIChatRequestBody('gpt-4o', { messages, responseFormat: { type: 'json' } }, false).body.response_format).toEqual({
      type: 'json_object',
    })
    expect('response_format' in buildOpenAIChatRequestBody('gpt-4o', { messages, responseFormat: { type: 'text' } }, false).body).toBe(false)
  })

  it('gives reasoning models max_completion_tokens and drops temperature and top_p with warnings', () => {
    for (const model of ['o1', 'o3-mini', 'o4-mini-2025-04-16', 'gpt-5', 'gpt-5-mini', 'openai/o3']) {
      const { body, warnings } = buildOpenAIChatRequestBody(
        model,
        { messages, temperature: 0.7, topP: 0.5, maxTokens: 16000, reasoningEffort: 'low' },
        false,
      )
      expect(body.max_completion_tokens).toBe(16000)
      expect('max_tokens' in body).toBe(false)
      expect('temperature' in body).toBe(false)
      expect('top_p' in body).toBe(false)
      expect(body.reasoning_effort).toBe('low')
      expect(warnings).toEqual([
        `${model} is a reasoning model: temperature 0.7 was dropped.`,
        `${model} is a reasoning model: topP 0.5 was dropped.`,
      ])
    }
  })

  it('drops temperature 1 from a reasoning model without a warning', () => {
    const { body, warnings } = buildOpenAIChatRequestBody('o3', { messages, temperature: 1 }, false)
    expect('temperature' in body).toBe(false)
    expect(warnings).toEqual([])
  })

  it('keeps max_tokens and temperature for gpt-5-chat, which does not reason', () => {
    const { body } = buildOpenAIChatRequestBody('gpt-5-chat-latest', { messages, temperature: 0, maxTokens: 10 }, false)
    expect(body).toMatchObject({ temperature: 0, max_tokens: 10 })
  })

  it('asks for usage in the last chunk when streaming', () => {
    const { body } = buildOpenAIChatRequestBody('gpt-4o', { messages }, true)
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('merges providerOptions.openai last', () => {
    const { body } = buildOpenAIChatRequestBody(
      'gpt-4o',
      { messages, providerOptions: { openai: { user: 'u-1', logprobs: true }, anthropic: { ignored: true } } },
      false,
    )
    expect(body).toMatchObject({ user: 'u-1', logprobs: true })
    expect('ignored' in body).toBe(false)
  })
})
