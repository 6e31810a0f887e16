import { readFileSync } from 'node:fs'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { History, Tool, ToolCalls, t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { openaiChatShape } from './__fixtures__/openai-chat-shape.js'
import { ChatAdapter } from './chat-adapter.js'
import { JSONAdapter } from './json-adapter.js'

const recorded = JSON.parse(readFileSync(new URL('./__fixtures__/dspy-special-formats.json', import.meta.url), 'utf8')) as Record<string, unknown>

const agent = Signature.create({
  name: 'Agent',
  instructions: 'Act.',
  fields: {
    question: InputField(t.string()),
    tools: InputField(t.list(t.tool())),
    history: InputField(t.history()),
    answer: OutputField(t.string()),
    tool_calls: OutputField(t.toolCalls()),
  },
})
const search = new Tool(() => '', {
  name: 'search',
  desc: 'Search the web.',
  args: { query: { type: 'string' }, k: { type: 'integer', default: 3 } },
})
const history = new History({
  messages: [
    {
      question: 'q0',
      answer: 'a0',
      tool_calls: {
        tool_calls: [{ name: 'search', args: { query: 'x' }, id: 'call_1' }],
        tool_call_results: { tool_call_results: [{ call_id: 'call_1', name: 'search', value: { hits: [1, 2.5] }, is_error: false }] },
      },
    },
    { question: 'q1', tool_calls: ToolCalls.fromDictList([{ name: 'search', args: { query: 'x' }, id: 'call_1' }]) },
  ],
})
const inputs = { question: 'Q', tools: [search], history }

describe('conversation history (recorded from DSPy 3.3.1)', () => {
  it('replays tool calls and their results as a tool_call_results user turn (ChatAdapter)', () => {
    expect(new ChatAdapter().format(agent, [], inputs).map(openaiChatShape)).toEqual(recorded['agent/ChatAdapter/default'])
  })

  it('writes the same turns as JSON for the JSON adapter without native calling', () => {
    expect(new JSONAdapter({ useNativeFunctionCalling: false }).format(agent, [], inputs).map(openaiChatShape)).toEqual(
      recorded['agent/JSONAdapter/False'],
    )
  })

  it('replays native tool calls and tool messages under native function calling', () => {
    expect(new JSONAdapter().format(agent, [], inputs).map(openaiChatShape)).toEqual(recorded['agent/JSONAdapter/True'])
  })

  it('skips empty user turns and shows None for outputs a turn lacks', () => {
    const signature = Signature.parse('question, history: History -> answer, count: int')
    const turns = new History({ messages: [{ question: 'hq1', answer: 'ha1', count: 1 }, { answer: 'only' }] })
    const messages = new ChatAdapter().format(signature, [], { question: 'now', history: turns })
    expect(messages.slice(1).map((message) => [message.role, message.content])).toEqual([
      ['user', '[[ ## question ## ]]\nhq1'],
      ['assistant', '[[ ## answer ## ]]\nha1\n\n[[ ## count ## ]]\n1\n\n[[ ## completed ## ]]\n'],
      ['assistant', '[[ ## answer ## ]]\nonly\n\n[[ ## count ## ]]\nNone\n\n[[ ## completed ## ]]\n'],
      [
        'user',
        '[[ ## question ## ]]\nnow\n\nRespond with the corresponding output fields, starting with the field `[[ ## answer ## ]]`, then `[[ ## count ## ]]` (must be formatted as a valid Python int), and then ending with the marker for `[[ ## completed ## ]]`.',
      ],
    ])
  })

  it('accepts a plain { messages } object for a History input', () => {
    const signature = Signature.parse('question, history: History -> answer')
    const messages = new ChatAdapter().format(signature, [], { question: 'now', history: { messages: [{ question: 'q', answer: 'a' }] } })
    expect(messages).toHaveLength(4)
  })
})
