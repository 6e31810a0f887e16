import { describe, expect, it } from 'vitest'
import { buildAnthropicRequestBody } from './anthropic-request-body.js'

const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Hello' },
] as const

describe('buildAnthropicRequestBody', () => {
  it('builds a documented Messages API body with a default max_tokens', () => {
    const { body, warnings, betas } = buildAnthropicRequestBody('claude-sonnet-4-5', { messages, temperature: 0.2, topP: 0.9, stop: ['END'] }, false)
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 8192,
      system: [{ type: 'text', text: 'You are terse.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ['END'],
    })
    expect(warnings).toEqual([])
    expect(betas).toEqual([])
  })

  it('lets the request override max_tokens and asks for a stream', () => {
    const { body } = buildAnthropicRequestBody('claude-3-haiku-20240307', { messages, maxTokens: 100 }, true)
    expect(body.max_tokens).toBe(100)
    expect(body.stream).toBe(true)
  })

  it('sends tools with input_schema and maps every tool choice', () => {
    const tools = [{ name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: {} } }]
    const choice = (toolChoice: 'auto' | 'none' | 'required' | { name: string }): unknown =>
      buildAnthropicRequestBody('claude-sonnet-4-5', { messages, tools, toolChoice }, false).body.tool_choice
    const { body } = buildAnthropicRequestBody('claude-sonnet-4-5', { messages, tools }, false)
    expect(body.tools).toEqual([{ name: 'weather', description: 'Get weather', input_schema: tools[0]?.parameters }])
    expect(body.tool_choice).toBeUndefined()
    expect(choice('auto')).toEqual({ type: 'auto' })
    expect(choice('none')).toEqual({ type: 'none' })
    expect(choice('required')).toEqual({ type: 'any' })
    expect(choice({ name: 'weather' })).toEqual({ type: 'tool', name: 'weather' })
    const serial = buildAnthropicRequestBody('claude-sonnet-4-5', { messages, tools, parallelToolCalls: false }, false)
    expect(serial.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true })
  })

  it('forces a json tool for a JSON schema by default', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } } }
    const request = buildAnthropicRequestBody(
      'claude-haiku-4-5',
      { messages, responseFormat: { type: 'json_schema', name: 'answer', schema, strict: true } },
      false,
    )
    expect(request.isJSONTool).toBe(true)
    expect(request.body.tools).toEqual([{ name: 'json', description: 'Respond with a JSON object.', input_schema: schema }])
    expect(request.body.tool_choice).toEqual({ type: 'tool', name: 'json' })
  })

  it("leaves the caller's tools callable next to the json tool: any tool, not the json one, is required", () => {
    const tools = [{ name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: {} } }]
    const schema = { type: 'object', properties: { answer: { type: 'string' } } }
    const request = buildAnthropicRequestBody(
      'claude-haiku-4-5',
      { messages, tools, responseFormat: { type: 'json_schema', name: 'answer', schema, strict: true } },
      false,
    )
    expect((request.body.tools as { name: string }[]).map((tool) => tool.name)).toEqual([...tools.map((tool) => tool.name), 'json'])
    expect(request.body.tool_choice).toEqual({ type: 'any' })
  })

  it('sends output_config.format when asked for JSON outputs', () => {
    const schema = { type: 'object' }
    const request = buildAnthropicRequestBody(
      'claude-sonnet-4-5',
      {
        messages,
        responseFormat: { type: 'json_schema', name: 'x', schema, strict: true },
        providerOptions: { anthropic: { structuredOutputMode: 'outputFormat' } },
      },
      false,
    )
    expect(request.isJSONTool).toBe(false)
    expect(request.body.output_config).toEqual({ format: { type: 'json_schema', schema } })
    expect(request.body.tools).toBeUndefined()
    expect(request.betas).toEqual([])
  })

  it('enables thinking, adds its budget to max_tokens and drops temperature', () => {
    const request = buildAnthropicRequestBody(
      'claude-sonnet-4-5',
      { messages, maxTokens: 1000, temperature: 0.5, providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 2048 } } } },
      false,
    )
    expect(request.body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 })
    expect(request.body.max_tokens).toBe(3048)
    expect(request.body.temperature).toBeUndefined()
    expect(request.warnings).toHaveLength(1)
  })

  it('sends tool_choice auto instead of a forced tool when thinking is enabled', () => {
    const request = buildAnthropicRequestBody(
      'claude-sonnet-4-5',
      {
        messages,
        responseFormat: { type: 'json_schema', name: 'x', schema: { type: 'object' }, strict: true },
        providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 1024 } } },
      },
      false,
    )
    expect(request.body.tool_choice).toEqual({ type: 'auto' })
    expect(request.warnings).toHaveLength(1)
  })

  it('warns about options Anthropic does not take', () => {
    const { warnings, body } = buildAnthropicRequestBody(
      'claude-sonnet-4-5',
      { messages, seed: 1, n: 2, reasoningEffort: 'high', responseFormat: { type: 'json' } },
      false,
    )
    expect(warnings).toHaveLength(4)
    expect(body.seed).toBeUndefined()
  })

  it('sets cache breakpoints from providerOptions', () => {
    const { body } = buildAnthropicRequestBody(
      'claude-sonnet-4-5',
      { messages, providerOptions: { anthropic: { cacheControl: { type: 'ephemeral', ttl: '1h' } } } },
      false,
    )
    expect(body.system).toEqual([{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }])
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hello', cache_control: { type: 'ephemeral', ttl: '1h' } }] }])
  })
})
