import { describe, expect, it } from 'vitest'
import { buildGoogleRequestBody } from './google-request-body.js'

describe('buildGoogleRequestBody', () => {
  it('sends the system instruction, merged turns, media and generation config', () => {
    const { body, warnings } = buildGoogleRequestBody({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Look:' },
        {
          role: 'user',
          content: [
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
            { type: 'image', url: 'https://example.com/cat.jpg' },
          ],
        },
        { role: 'assistant', content: 'A cat.' },
      ],
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 100,
      stop: ['END'],
      n: 2,
    })
    expect(body).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'Look:' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
            { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.jpg' } },
          ],
        },
        { role: 'model', parts: [{ text: 'A cat.' }] },
      ],
      generationConfig: { temperature: 0.2, topP: 0.9, maxOutputTokens: 100, stopSequences: ['END'], candidateCount: 2 },
    })
    expect(warnings).toEqual([])
  })

  it('sends tools, tool config, function calls and function responses', () => {
    const { body } = buildGoogleRequestBody({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, toolCalls: [{ id: 'call_0', name: 'weather', args: { location: 'Paris' } }] },
        { role: 'tool', toolCallId: 'call_0', content: '{"temperature":21}' },
        { role: 'tool', toolCallId: 'call_1', name: 'time', content: 'noon' },
      ],
      tools: [
        {
          name: 'weather',
          description: 'Gets the weather',
          parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false },
        },
        { name: 'time', description: 'Gets the time', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { name: 'weather' },
    })
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'weather', args: { location: 'Paris' } } }] },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'weather', response: { temperature: 21 } } },
          { functionResponse: { name: 'time', response: { content: 'noon' } } },
        ],
      },
    ])
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'weather',
            description: 'Gets the weather',
            parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
          },
          { name: 'time', description: 'Gets the time' },
        ],
      },
    ])
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } })
  })

  it('maps tool choices to function calling modes', () => {
    const tools = [{ name: 'f', description: 'f', parameters: { type: 'object', properties: { a: { type: 'number' } } } }]
    const mode = (toolChoice: 'auto' | 'none' | 'required') =>
      buildGoogleRequestBody({ messages: [{ role: 'user', content: 'x' }], tools, toolChoice }).body.toolConfig
    expect(mode('auto')).toEqual({ functionCallingConfig: { mode: 'AUTO' } })
    expect(mode('none')).toEqual({ functionCallingConfig: { mode: 'NONE' } })
    expect(mode('required')).toEqual({ functionCallingConfig: { mode: 'ANY' } })
  })

  it('sends a JSON schema response format as responseSchema', () => {
    const schema = {
      type: 'object',
      properties: { answer: { $ref: '#/$defs/Answer' } },
      required: ['answer'],
      additionalProperties: false,
      $defs: { Answer: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    }
    const { body } = buildGoogleRequestBody({
      messages: [{ role: 'user', content: 'x' }],
      responseFormat: { type: 'json_schema', name: 'out', schema, strict: true },
    })
    expect(body.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseSchema: { type: 'object', properties: { answer: { type: 'string', nullable: true } }, required: ['answer'] },
    })
  })

  it('sends JSON mode without a schema, and thinkingConfig from providerOptions.google', () => {
    const { body, warnings } = buildGoogleRequestBody({
      messages: [{ role: 'user', content: 'x' }],
      responseFormat: { type: 'json' },
      providerOptions: { google: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } } },
      parallelToolCalls: false,
      reasoningEffort: 'low',
    })
    expect(body.generationConfig).toEqual({
      responseMimeType: 'application/json',
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    })
    expect(warnings).toHaveLength(2)
  })
})
