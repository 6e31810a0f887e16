import { describe, expect, it } from 'vitest'
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js'

describe('convertToAnthropicMessages', () => {
  it('moves system messages to the top-level system', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ])
    expect(prompt.system).toEqual([{ type: 'text', text: 'Be brief.' }])
    expect(prompt.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }])
    expect(prompt.warnings).toEqual([])
  })

  it('merges consecutive turns of the same role', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
      { role: 'assistant', content: 'c' },
      { role: 'assistant', content: 'd' },
    ])
    expect(prompt.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'c' },
          { type: 'text', text: 'd' },
        ],
      },
    ])
  })

  it('sends tool calls as tool_use and tool messages as tool_result in one user turn', () => {
    const prompt = convertToAnthropicMessages([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, toolCalls: [{ id: 'toolu_1', name: 'weather', args: { city: 'Paris' } }] },
      { role: 'tool', toolCallId: 'toolu_1', content: '21C' },
      { role: 'tool', toolCallId: 'toolu_2', content: 'failed', isError: true },
      { role: 'user', content: 'Thanks' },
    ])
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '21C' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'failed', is_error: true },
          { type: 'text', text: 'Thanks' },
        ],
      },
    ])
  })

  it('converts images by URL and by data URI, documents and PDFs', () => {
    const prompt = convertToAnthropicMessages([
      {
        role: 'user',
        content: [
          { type: 'image', url: 'https://example.com/cat.png' },
          { type: 'image', url: 'data:image/jpeg;base64,AAAA' },
          { type: 'document', data: 'Plain notes', mediaType: 'text/plain', title: 'Notes', citations: true },
          { type: 'document', data: 'data:application/pdf;base64,JVBE', mediaType: 'application/pdf' },
          { type: 'file', data: 'JVBE', mediaType: 'application/pdf', filename: 'a.pdf' },
        ],
      },
    ])
    expect(prompt.messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: 'AAAA' } },
      {
        type: 'document',
        source: { type: 'text', media_type: 'text/plain', data: 'Plain notes' },
        title: 'Notes',
        citations: { enabled: true },
      },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' }, title: 'a.pdf' },
    ])
  })

  it('warns about audio and unsupported files', () => {
    const prompt = convertToAnthropicMessages([
      {
        role: 'user',
        content: [
          { type: 'audio', data: 'AAAA', format: 'wav' },
          { type: 'file', fileId: 'file_1' },
          { type: 'text', text: 'x' },
        ],
      },
    ])
    expect(prompt.messages[0]?.content).toEqual([{ type: 'text', text: 'x' }])
    expect(prompt.warnings).toHaveLength(2)
  })

  it('sets cache breakpoints on the system prompt and the last message', () => {
    const cache = { type: 'ephemeral' } as const
    const prompt = convertToAnthropicMessages(
      [
        { role: 'system', content: 'Long instructions' },
        { role: 'user', content: 'Q1' },
        { role: 'assistant', content: 'A1' },
        { role: 'user', content: 'Q2' },
      ],
      cache,
    )
    expect(prompt.system).toEqual([{ type: 'text', text: 'Long instructions', cache_control: cache }])
    expect(prompt.messages[2]?.content).toEqual([{ type: 'text', text: 'Q2', cache_control: cache }])
    expect(prompt.messages[0]?.content).toEqual([{ type: 'text', text: 'Q1' }])
  })

  it("puts an assistant turn's signed and redacted thinking before its text and tool calls, and leaves unsigned and other providers' reasoning out", () => {
    const prompt = convertToAnthropicMessages([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [{ id: 'toolu_1', name: 'weather', args: {} }],
        reasoning: [
          { type: 'reasoning', text: 'Use the tool.', signature: 'sig-1' },
          { type: 'reasoning', text: '', redactedData: 'opaque' },
          { type: 'reasoning', provider: 'google', text: 'from another provider', signature: 'gemini-sig' },
          { type: 'reasoning', text: 'unsigned' },
        ],
      },
    ])
    expect(prompt.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'Use the tool.', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} },
    ])
    expect(prompt.warnings).toEqual([
      'anthropic: reasoning from google was left out; Anthropic only takes back its own.',
      'anthropic: reasoning without a signature was left out; Anthropic only takes back its own signed thinking.',
    ])
  })
})
