// Hand-written, not recorded: shaped like the replies of Mistral's reasoning models (Magistral) as Mistral documents
// them for `POST /v1/chat/completions`, where `content` is a list of typed parts: a `thinking` part whose
// `thinking` holds text chunks, then `text` parts. Streamed, the thinking arrives as typed parts and the answer as
// typed `text` parts or plain strings.

/** A whole reply with a thinking part and the answer. */
export const mistralThinkingReply = {
  id: '5bd5a2ca7c1b4c8d9e6f3a2b1c0d9e8f',
  object: 'chat.completion',
  created: 1759312000,
  model: 'magistral-medium-2509',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        tool_calls: null,
        content: [
          {
            type: 'thinking',
            thinking: [
              { type: 'text', text: 'The user asks for 2 + 2. ' },
              { type: 'text', text: 'That is 4.' },
            ],
          },
          { type: 'text', text: '2 + 2 = **4**.' },
        ],
      },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 12, total_tokens: 52, completion_tokens: 40 },
}

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'b7e0c1d2a3f44e5f8a9b0c1d2e3f4a5b',
    object: 'chat.completion.chunk',
    created: 1759312001,
    model: 'magistral-medium-2509',
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  })

/** The payloads of a streamed reply, one a line as in a recorded `.chunks.txt`. */
export const mistralThinkingChunks: string = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'The user asks for 2 + 2. ' }] }] }),
  chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'That is 4.' }] }] }),
  chunk({ content: [{ type: 'text', text: '2 + 2' }] }),
  chunk({ content: ' = **4**.' }),
  JSON.stringify({
    id: 'b7e0c1d2a3f44e5f8a9b0c1d2e3f4a5b',
    object: 'chat.completion.chunk',
    created: 1759312001,
    model: 'magistral-medium-2509',
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, total_tokens: 52, completion_tokens: 40 },
  }),
].join('\n')
