import { describe, expect, it } from 'vitest'
import { convertToOpenAICompatibleChatMessages } from './convert-to-openai-compatible-chat-messages.js'

describe('convertToOpenAICompatibleChatMessages', () => {
  it('keeps system and plain user text as strings', () => {
    expect(
      convertToOpenAICompatibleChatMessages([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ])
  })

  it('converts text, image, audio and file parts', () => {
    const [message] = convertToOpenAICompatibleChatMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image', url: 'https://example.com/cat.png', mediaType: 'image/png' },
          { type: 'audio', data: 'UklGRg==', format: 'wav' },
          { type: 'file', data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
          { type: 'file', fileId: 'file-abc' },
          { type: 'document', data: 'JVBERi0=', mediaType: 'application/pdf', title: 'b.pdf' },
        ],
      },
    ])
    expect(message).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
        { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
        { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
        { type: 'file', file: { file_id: 'file-abc' } },
        { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'b.pdf' } },
      ],
    })
  })

  it('sends assistant tool calls with JSON-string arguments and tool results as tool messages', () => {
    expect(
      convertToOpenAICompatibleChatMessages([
        { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'weather', args: { location: 'SF' } }] },
        { role: 'tool', toolCallId: 'call_1', name: 'weather', content: '{"temperature":18}' },
        { role: 'assistant', content: 'It is 18 degrees.' },
      ]),
    ).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"location":"SF"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":18}' },
      { role: 'assistant', content: 'It is 18 degrees.' },
    ])
  })
})
