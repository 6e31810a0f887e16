import { describe, expect, it } from 'vitest'
import { convertToGoogleContents } from './convert-to-google-contents.js'

describe('convertToGoogleContents', () => {
  it("sends an assistant turn's reasoning back as thought parts, with every signature where Gemini put it", () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [{ id: 'call_0', name: 'weather', args: { city: 'Paris' }, signature: 'sig-call' }],
        reasoning: [
          { type: 'reasoning', text: 'Use the tool.', signature: 'sig-thought' },
          { type: 'reasoning', text: '', signature: 'sig-text' },
          { type: 'reasoning', text: '', redactedData: 'from another provider' },
          { type: 'reasoning', provider: 'anthropic', text: 'Claude thinking', signature: 'claude-sig' },
        ],
      },
      { role: 'tool', toolCallId: 'call_0', content: '{"temperature":18}' },
    ])
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
      {
        role: 'model',
        parts: [
          { text: 'Use the tool.', thought: true, thoughtSignature: 'sig-thought' },
          { text: 'Checking.', thoughtSignature: 'sig-text' },
          { functionCall: { name: 'weather', args: { city: 'Paris' } }, thoughtSignature: 'sig-call' },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { temperature: 18 } } }] },
    ])
  })

  it('sends turns without reasoning as before', () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello', toolCalls: [{ id: 'call_0', name: 'f', args: {} }] },
    ])
    expect(contents[1]).toEqual({ role: 'model', parts: [{ text: 'Hello' }, { functionCall: { name: 'f', args: {} } }] })
  })
})
