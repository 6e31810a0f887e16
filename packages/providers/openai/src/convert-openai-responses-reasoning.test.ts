import { describe, expect, it } from 'vitest'
import { convertOpenAIResponsesReasoningItem, convertOpenAIResponsesReasoningPart } from './convert-openai-responses-reasoning.js'
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input.js'

describe('convertOpenAIResponsesReasoningItem', () => {
  it('keeps the id as the signature, encrypted_content as redactedData and joins the summaries', () => {
    expect(
      convertOpenAIResponsesReasoningItem({
        type: 'reasoning',
        id: 'rs_1',
        summary: [
          { type: 'summary_text', text: 'First.' },
          { type: 'summary_text', text: 'Second.' },
        ],
        encrypted_content: 'gAAAA-secret',
      }),
    ).toEqual({ type: 'reasoning', text: 'First.\n\nSecond.', signature: 'rs_1', redactedData: 'gAAAA-secret', provider: 'openai' })
  })

  it('gives empty text for a reasoning item without summary or encrypted content', () => {
    expect(convertOpenAIResponsesReasoningItem({ type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: null })).toEqual({
      type: 'reasoning',
      text: '',
      signature: 'rs_2',
      provider: 'openai',
    })
  })
})

describe('convertOpenAIResponsesReasoningPart', () => {
  it('sends OpenAI reasoning back with its id, summary and encrypted content', () => {
    const warnings: string[] = []
    expect(
      convertOpenAIResponsesReasoningPart({ type: 'reasoning', text: 'Why.', signature: 'rs_1', redactedData: 'enc', provider: 'openai' }, warnings),
    ).toEqual({ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Why.' }], encrypted_content: 'enc' })
    expect(convertOpenAIResponsesReasoningPart({ type: 'reasoning', text: '', redactedData: 'enc' }, warnings)).toEqual({
      type: 'reasoning',
      summary: [],
      encrypted_content: 'enc',
    })
    expect(warnings).toEqual([])
  })

  it('leaves out foreign reasoning and reasoning with nothing to send, with warnings', () => {
    const warnings: string[] = []
    expect(convertOpenAIResponsesReasoningPart({ type: 'reasoning', text: 'Hmm', signature: 'sig', provider: 'anthropic' }, warnings)).toBeUndefined()
    expect(convertOpenAIResponsesReasoningPart({ type: 'reasoning', text: 'Hmm', signature: 'sig' }, warnings)).toBeUndefined()
    expect(convertOpenAIResponsesReasoningPart({ type: 'reasoning', text: 'Hmm', provider: 'openai' }, warnings)).toBeUndefined()
    expect(warnings).toEqual([
      'Reasoning from anthropic was left out: OpenAI only takes back its own reasoning items.',
      'Reasoning without a provider or encrypted content was left out: OpenAI only takes back its own reasoning items.',
      'OpenAI reasoning without an item id or encrypted content was left out: there is nothing to send back.',
    ])
  })
})

describe('convertToOpenAIResponsesInput with reasoning', () => {
  it("puts an assistant turn's reasoning items first, in order, then its text and function calls", () => {
    const { input, warnings } = convertToOpenAIResponsesInput([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [{ id: 'call_1', name: 'weather', args: {} }],
        reasoning: [
          { type: 'reasoning', text: 'One.', signature: 'rs_1', redactedData: 'enc1', provider: 'openai' },
          { type: 'reasoning', text: 'Gemini thought', signature: 'sig', provider: 'google' },
          { type: 'reasoning', text: '', signature: 'rs_2', redactedData: 'enc2', provider: 'openai' },
        ],
      },
    ])
    expect(input).toEqual([
      { role: 'user', content: 'Weather?' },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'One.' }], encrypted_content: 'enc1' },
      { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'enc2' },
      { role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
      { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{}' },
    ])
    expect(warnings).toEqual(['Reasoning from google was left out: OpenAI only takes back its own reasoning items.'])
  })
})
