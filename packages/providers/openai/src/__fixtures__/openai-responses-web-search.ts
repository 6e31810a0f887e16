// Hand-written, not recorded: shaped like the Responses API reply OpenAI documents for the `web_search` tool: a
// `web_search_call` item, then a message whose `output_text` carries `url_citation` annotations (character offsets
// into that part's text), and the streaming events that deliver it (`response.output_text.annotation.added`).

const answer = 'On October 6, 2025, OpenAI announced AgentKit at DevDay. It ships with a visual Agent Builder.'

const annotations = [
  {
    type: 'url_citation',
    start_index: 0,
    end_index: 56,
    url: 'https://openai.com/index/introducing-agentkit/?utm_source=openai',
    title: 'Introducing AgentKit | OpenAI',
  },
  {
    type: 'url_citation',
    start_index: 57,
    end_index: 95,
    url: 'https://techcrunch.com/2025/10/06/agent-builder/?utm_source=openai',
    title: 'OpenAI launches Agent Builder',
  },
  { type: 'file_citation', index: 12, file_id: 'file-2dtbBZdjtDKS8eqWxqbgDi', filename: 'devday.pdf' },
]

/** The reply. */
export const responsesWebSearch = {
  id: 'resp_68e3c1f0a7b88190a1e6cd5e9e1c0f5e0b1c2d3e4f5a6b7c',
  object: 'response',
  created_at: 1759700000,
  status: 'completed',
  error: null,
  incomplete_details: null,
  model: 'gpt-4.1-2025-04-14',
  output: [
    { type: 'web_search_call', id: 'ws_68e3c1f1', status: 'completed', action: { type: 'search', query: 'OpenAI DevDay 2025 announcements' } },
    {
      type: 'message',
      id: 'msg_68e3c1f2',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: answer, annotations, logprobs: [] }],
    },
  ],
  usage: {
    input_tokens: 328,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 61,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 389,
  },
}

const event = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`

/** The reply streamed; `withOutput: false` leaves the final response's output empty, so only the annotation events carry the citations. */
export function responsesWebSearchStream(withOutput = true): string {
  const message = { type: 'message', id: 'msg_68e3c1f2', status: 'in_progress', role: 'assistant', content: [] }
  return [
    event('response.created', { response: { ...responsesWebSearch, status: 'in_progress', output: [], usage: null } }),
    event('response.output_item.added', { output_index: 1, item: message }),
    event('response.output_text.delta', { item_id: 'msg_68e3c1f2', output_index: 1, content_index: 0, delta: answer.slice(0, 57) }),
    event('response.output_text.annotation.added', {
      item_id: 'msg_68e3c1f2',
      output_index: 1,
      content_index: 0,
      annotation_index: 0,
      annotation: annotations[0],
    }),
    event('response.output_text.delta', { item_id: 'msg_68e3c1f2', output_index: 1, content_index: 0, delta: answer.slice(57) }),
    event('response.output_text.annotation.added', {
      item_id: 'msg_68e3c1f2',
      output_index: 1,
      content_index: 0,
      annotation_index: 1,
      annotation: annotations[1],
    }),
    event('response.completed', { response: withOutput ? responsesWebSearch : { ...responsesWebSearch, output: [] } }),
  ].join('')
}
