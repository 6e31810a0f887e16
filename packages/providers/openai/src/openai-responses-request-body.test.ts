import { describe, expect, it } from 'vitest'
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input.js'
import { buildOpenAIResponsesRequestBody } from './openai-responses-request-body.js'

const messages = [{ role: 'user', content: 'Hi' }] as const
const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }

describe('convertToOpenAIResponsesInput', () => {
  it('turns leading system messages into instructions and later ones into developer messages', () => {
    expect(
      convertToOpenAIResponsesInput([
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Use French.' },
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Now be long.' },
      ]),
    ).toEqual({
      instructions: 'Be brief.\n\nUse French.',
      input: [
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: 'Now be long.' },
      ],
      warnings: [],
    })
  })

  it('converts user parts, assistant text and tool calls, and tool results', () => {
    const { input, warnings } = convertToOpenAIResponsesInput([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image', url: 'https://example.com/cat.png' },
          { type: 'file', data: 'JVBERi0=', filename: 'a.pdf' },
          { type: 'file', fileId: 'file-abc' },
          { type: 'document', data: 'JVBERi0=', mediaType: 'application/pdf', title: 'b.pdf' },
          { type: 'audio', data: 'UklGRg==', format: 'wav' },
        ],
      },
      { role: 'assistant', content: 'Let me check.', toolCalls: [{ id: 'call_1', name: 'weather', args: { location: 'SF' } }] },
      { role: 'tool', toolCallId: 'call_1', content: '{"temperature":18}' },
    ])
    expect(input).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'What is this?' },
          { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'auto' },
          { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
          { type: 'input_file', file_id: 'file-abc' },
          { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'b.pdf' },
        ],
      },
      { role: 'assistant', content: [{ type: 'output_text', text: 'Let me check.' }] },
      { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"location":"SF"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '{"temperature":18}' },
    ])
    expect(warnings).toEqual(['An audio part was dropped: the Responses API takes no audio input; use the chat model.'])
  })
})

describe('buildOpenAIResponsesRequestBody', () => {
  it('sends text.format json_schema strict, json_object, max_output_tokens and store: false', () => {
    const { body } = buildOpenAIResponsesRequestBody(
      'gpt-4.1',
      { messages, maxTokens: 100, temperature: 0.2, topP: 0.9, responseFormat: { type: 'json_schema', name: 'Answer', schema, strict: true } },
      false,
    )
    expect(body).toEqual({
      model: 'gpt-4.1',
      input: [{ role: 'user', content: 'Hi' }],
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 100,
      text: { format: { type: 'json_schema', name: 'Answer', schema, strict: true } },
      store: false,
    })
    expect(buildOpenAIResponsesRequestBody('gpt-4.1', { messages, responseFormat: { type: 'json' } }, false).body.text).toEqual({
      format: { type: 'json_object' },
    })
  })

  it('sends flat function tools with strict false, the tool choice and parallel_tool_calls', () => {
    const parameters = { type: 'object', properties: { location: { type: 'string' } } }
    const { body } = buildOpenAIResponsesRequestBody(
      'gpt-4.1',
      { messages, tools: [{ name: 'weather', description: 'Weather', parameters }], toolChoice: { name: 'weather' }, parallelToolCalls: false },
      true,
    )
    expect(body).toMatchObject({
      tools: [{ type: 'function', name: 'weather', description: 'Weather', parameters, strict: false }],
      tool_choice: { type: 'function', name: 'weather' },
      parallel_tool_calls: false,
      stream: true,
    })
  })

  it('sends reasoning effort, drops sampling for reasoning models and options the API lacks, with warnings', () => {
    const { body, warnings } = buildOpenAIResponsesRequestBody(
      'o4-mini',
      { messages, temperature: 0.5, topP: 0.5, stop: ['END'], seed: 1, n: 2, reasoningEffort: 'high', toolChoice: 'auto' },
      false,
    )
    expect(body).toEqual({
      model: 'o4-mini',
      input: [{ role: 'user', content: 'Hi' }],
      reasoning: { effort: 'high' },
      store: false,
      include: ['reasoning.encrypted_content'],
    })
    expect(warnings).toEqual([
      'o4-mini is a reasoning model: temperature 0.5 was dropped.',
      'o4-mini is a reasoning model: topP 0.5 was dropped.',
      'stop was dropped: the Responses API has no stop sequences.',
      'seed was dropped: the Responses API has no seed.',
      'n 2 was dropped: the Responses API returns one answer per call.',
      'toolChoice was dropped: the request has no tools.',
    ])
  })

  it('merges providerOptions.openai last (reasoning summary, store)', () => {
    const { body } = buildOpenAIResponsesRequestBody(
      'o3',
      { messages, reasoningEffort: 'low', providerOptions: { openai: { reasoning: { effort: 'low', summary: 'auto' }, store: true } } },
      false,
    )
    expect(body).toMatchObject({ reasoning: { effort: 'low', summary: 'auto' }, store: true })
  })

  it('asks for encrypted reasoning for reasoning models and reasoning sent back, keeping a given include', () => {
    expect(buildOpenAIResponsesRequestBody('gpt-4.1', { messages }, false).body.include).toBeUndefined()
    const reasoning = [{ type: 'reasoning', text: '', signature: 'rs_1', redactedData: 'enc', provider: 'openai' }] as const
    const carried = buildOpenAIResponsesRequestBody(
      'my-fine-tune',
      { messages: [...messages, { role: 'assistant', content: 'Hello', reasoning }, { role: 'user', content: 'Again' }] },
      false,
    )
    expect(carried.body.include).toEqual(['reasoning.encrypted_content'])
    const merged = buildOpenAIResponsesRequestBody('o3', { messages, providerOptions: { openai: { include: ['file_search_call.results'] } } }, false)
    expect(merged.body.include).toEqual(['file_search_call.results', 'reasoning.encrypted_content'])
  })
})
