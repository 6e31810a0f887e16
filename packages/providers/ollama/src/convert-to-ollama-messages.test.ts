import { describe, expect, it } from 'vitest'
import { convertToOllamaMessages } from './convert-to-ollama-messages.js'

describe('convertToOllamaMessages', () => {
  it('converts system, user, assistant tool calls and tool results with tool_name', () => {
    const { messages, warnings } = convertToOllamaMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, toolCalls: [{ id: 'call_0', name: 'get_weather', args: { city: 'Paris' } }] },
      { role: 'tool', toolCallId: 'call_0', content: '22 degrees' },
    ])
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
      { role: 'tool', content: '22 degrees', tool_name: 'get_weather' },
    ])
    expect(warnings).toEqual([])
  })

  it("sends an assistant turn's own reasoning back as thinking, leaving other providers' out", () => {
    const { messages } = convertToOllamaMessages([
      {
        role: 'assistant',
        content: 'Hi!',
        reasoning: [
          { type: 'reasoning', provider: 'ollama', text: 'A greeting.' },
          { type: 'reasoning', provider: 'anthropic', text: 'Claude thinking', signature: 'sig' },
          { type: 'reasoning', text: 'Unlabelled.' },
        ],
      },
    ])
    expect(messages).toEqual([{ role: 'assistant', content: 'Hi!', thinking: 'A greeting.\nUnlabelled.' }])
  })

  it('sends data-URI images as base64 in images and warns about what it drops', () => {
    const { messages, warnings } = convertToOllamaMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          { type: 'image', url: 'https://example.com/cat.png' },
          { type: 'audio', data: 'AAAA', format: 'wav' },
        ],
      },
    ])
    expect(messages).toEqual([{ role: 'user', content: 'What is in this picture?', images: ['iVBORw0KGgo='] }])
    expect(warnings).toHaveLength(2)
  })
})
