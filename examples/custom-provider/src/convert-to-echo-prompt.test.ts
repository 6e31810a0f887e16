import { describe, expect, it } from 'vitest'
import { convertToEchoPrompt } from './convert-to-echo-prompt.js'

describe('convertToEchoPrompt', () => {
  it('flattens messages into role-prefixed blocks, keeping text parts only', () => {
    const prompt = convertToEchoPrompt([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is ' },
          { type: 'image', url: 'https://example.com/cat.png' },
          { type: 'text', text: 'this?' },
        ],
      },
      { role: 'assistant', content: null },
      { role: 'tool', toolCallId: 'call-1', content: '42' },
    ])
    expect(prompt).toBe('system: Be brief.\n\nuser: What is this?\n\nassistant: \n\ntool: 42')
  })
})
