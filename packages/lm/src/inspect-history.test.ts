import { describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { formatHistory, inspectHistory } from './inspect-history.js'
import { LM } from './lm.js'
import { clearGlobalHistory, type LMHistoryEntry } from './lm-history.js'

const entry = (overrides: Partial<LMHistoryEntry>): LMHistoryEntry => ({
  messages: [
    { role: 'system', content: 'Your input fields are:\n1. `question` (str)  ' },
    { role: 'user', content: '[[ ## question ## ]]\nWhat is 2 + 2?\n' },
  ],
  kwargs: {},
  outputs: [{ text: '[[ ## answer ## ]]\n4\n\n[[ ## completed ## ]]', finishReason: 'stop' }],
  usage: undefined,
  model: 'openai/gpt-4o-mini',
  responseModel: undefined,
  modelType: 'chat',
  timestamp: '2025-01-02T03:04:05.678Z',
  uuid: '00000000-0000-4000-8000-000000000000',
  cacheHit: false,
  ...overrides,
})

describe('formatHistory', () => {
  it('writes DSPy’s pretty_print_history text for a file', () => {
    expect(formatHistory([entry({})])).toBe(
      '\n\n\n\n[2025-01-02T03:04:05.678Z]\n\n' +
        'System message:\n\nYour input fields are:\n1. `question` (str)\n\n\n' +
        'User message:\n\n[[ ## question ## ]]\nWhat is 2 + 2?\n\n\n' +
        'Response:\n\n[[ ## answer ## ]]\n4\n\n[[ ## completed ## ]]\n\n' +
        '\n\n\n\n',
    )
  })

  it('shows multimodal parts, tool calls and the count of other completions', () => {
    const text = formatHistory([
      entry({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: ' Describe: ' },
              { type: 'image', url: 'data:image/png;base64,AAAA' },
              { type: 'image', url: 'https://example.com/cat.png' },
              { type: 'audio', data: 'UklGRg==', format: 'wav' },
              { type: 'file', filename: 'a.pdf', data: 'data:application/pdf;base64,AAA' },
            ],
          },
          { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'search', args: { q: 'x' } }] },
          { role: 'tool', toolCallId: 'c1', content: 'found' },
        ],
        outputs: [
          { text: null, toolCalls: [{ id: 'c2', name: 'finish', args: {} }], finishReason: 'tool-calls' },
          { text: 'b', finishReason: 'stop' },
          { text: 'c', finishReason: 'stop' },
        ],
      }),
    ])
    expect(text).toContain(
      'User message:\n\nDescribe:\n<data:image/png;base64,<IMAGE BASE 64 ENCODED(4)>\n<image_url: https://example.com/cat.png>\n' +
        "<audio format='wav' base64-encoded, length=8>\n<file: name:a.pdf, id:, data_length:31>\n\n\n",
    )
    expect(text).toContain('Assistant message:\n\n\n\nTool message:\n\nfound\n\n\n')
    expect(text).not.toContain('Response:')
    expect(text).toContain('Tool calls:\n\nfinish: {}\n\n \t (and 2 other completions)\n\n\n\n\n')
  })

  it('shows the last n entries, nothing for n = 0, and colours on request', () => {
    const history = [entry({ timestamp: 'first' }), entry({ timestamp: 'second' })]
    expect(formatHistory(history, 1)).not.toContain('[first]')
    expect(formatHistory(history, 5)).toContain('[first]')
    expect(formatHistory(history, 0)).toBe('\n\n\n\n')
    expect(formatHistory(history, 1, { colors: true })).toContain('\x1b[31mResponse:\x1b[0m')
  })
})

describe('inspectHistory', () => {
  it('reads the global history, and lm.inspectHistory reads the LM’s own', async () => {
    clearGlobalHistory()
    const first = new LM(createFakeLanguageModel(), { responseCache: new Cache() })
    const second = new LM(createFakeLanguageModel({ respond: () => 'from second' }), { responseCache: new Cache() })
    await first.call('question one')
    await second.call('question two')
    expect(inspectHistory(1)).toContain('User message:\n\nquestion two\n\n\nResponse:\n\nfrom second\n\n')
    expect(inspectHistory(2)).toContain('question one')
    expect(first.inspectHistory()).toContain('Response:\n\nanswer 1.1')
    expect(first.inspectHistory()).not.toContain('question two')
  })
})
