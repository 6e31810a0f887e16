// Hand-written, not recorded: shaped exactly like the replies OpenAI documents for `POST /v1/responses`
// (https://platform.openai.com/docs/api-reference/responses/object) and its streaming events
// (https://platform.openai.com/docs/api-reference/responses-streaming). No recorded Responses fixtures exist yet.

const usage = (input: number, output: number, cached: number, reasoning: number) => ({
  input_tokens: input,
  input_tokens_details: { cached_tokens: cached },
  output_tokens: output,
  output_tokens_details: { reasoning_tokens: reasoning },
  total_tokens: input + output,
})

const responseFields = {
  object: 'response',
  created_at: 1741476542,
  error: null,
  instructions: null,
  max_output_tokens: null,
  parallel_tool_calls: true,
  previous_response_id: null,
  store: false,
  temperature: 1.0,
  text: { format: { type: 'text' } },
  tool_choice: 'auto',
  tools: [],
  top_p: 1.0,
  truncation: 'disabled',
  user: null,
  metadata: {},
}

/** A completed text answer. */
export const responsesText = {
  ...responseFields,
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  status: 'completed',
  incomplete_details: null,
  model: 'gpt-4.1-2025-04-14',
  output: [
    {
      type: 'message',
      id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'In a peaceful grove beneath a silver moon, a unicorn named Lumina slept.', annotations: [] }],
    },
  ],
  reasoning: { effort: null, summary: null },
  usage: usage(36, 87, 0, 0),
}

/** A reasoning model's reasoning item (summary and `encrypted_content`) and function call. */
export const responsesReasoningToolCall = {
  ...responseFields,
  id: 'resp_68a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
  status: 'completed',
  incomplete_details: null,
  model: 'o4-mini-2025-04-16',
  output: [
    {
      type: 'reasoning',
      id: 'rs_68a1c2d3e4f5a6b7c8d9e0f1a2b3c4d6',
      summary: [
        { type: 'summary_text', text: '**Checking the weather**\n\nThe user wants the weather in Paris.' },
        { type: 'summary_text', text: 'I will call get_weather.' },
      ],
      // Sent because the request's `include` asked for `reasoning.encrypted_content` (opaque; shortened here).
      encrypted_content: 'gAAAAABoocLTZ3Jldi1lbmNyeXB0ZWQtcmVhc29uaW5nLWZvci1wYXJpcy13ZWF0aGVy',
    },
    {
      type: 'function_call',
      id: 'fc_68a1c2d3e4f5a6b7c8d9e0f1a2b3c4d7',
      call_id: 'call_12345xyz',
      name: 'get_weather',
      arguments: '{"location":"Paris, France"}',
      status: 'completed',
    },
  ],
  reasoning: { effort: 'medium', summary: 'detailed' },
  usage: usage(291, 146, 128, 128),
}

/** A response cut by `max_output_tokens`. */
export const responsesIncomplete = {
  ...responsesText,
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795c',
  status: 'incomplete',
  incomplete_details: { reason: 'max_output_tokens' },
  max_output_tokens: 16,
  output: [
    {
      type: 'message',
      id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795c',
      status: 'incomplete',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'In a peaceful grove beneath', annotations: [] }],
    },
  ],
  usage: usage(36, 16, 0, 0),
}

/** A refused request. */
export const responsesRefusal = {
  ...responsesText,
  output: [
    {
      type: 'message',
      id: 'msg_refusal',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'refusal', refusal: "I'm sorry, I can't help with that." }],
    },
  ],
}

let sequence = 0
const event = (type: string, fields: Record<string, unknown>): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`
const inProgress = { ...responsesReasoningToolCall, status: 'in_progress', output: [], usage: null }
const reasoningItem = responsesReasoningToolCall.output[0]
const reasoningId = reasoningItem?.id
const callItem = responsesReasoningToolCall.output[1]

/** The stream of {@link responsesReasoningToolCall} plus a short text, as SSE (`event:` and `data:` lines). */
export const responsesStream: string = [
  event('response.created', { response: inProgress }),
  event('response.in_progress', { response: inProgress }),
  event('response.output_item.added', { output_index: 0, item: { type: 'reasoning', id: reasoningId, summary: [] } }),
  event('response.reasoning_summary_part.added', {
    item_id: reasoningId,
    output_index: 0,
    summary_index: 0,
    part: { type: 'summary_text', text: '' },
  }),
  event('response.reasoning_summary_text.delta', { item_id: reasoningId, output_index: 0, summary_index: 0, delta: 'The user wants ' }),
  event('response.reasoning_summary_text.delta', { item_id: reasoningId, output_index: 0, summary_index: 0, delta: 'the weather.' }),
  event('response.reasoning_summary_text.done', { item_id: reasoningId, output_index: 0, summary_index: 0, text: 'The user wants the weather.' }),
  event('response.output_item.done', { output_index: 0, item: reasoningItem }),
  event('response.output_item.added', {
    output_index: 1,
    item: { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] },
  }),
  event('response.content_part.added', {
    item_id: 'msg_1',
    output_index: 1,
    content_index: 0,
    part: { type: 'output_text', text: '', annotations: [] },
  }),
  event('response.output_text.delta', { item_id: 'msg_1', output_index: 1, content_index: 0, delta: 'Checking ' }),
  event('response.output_text.delta', { item_id: 'msg_1', output_index: 1, content_index: 0, delta: 'Paris.' }),
  event('response.output_text.done', { item_id: 'msg_1', output_index: 1, content_index: 0, text: 'Checking Paris.' }),
  event('response.output_item.done', {
    output_index: 1,
    item: {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Checking Paris.', annotations: [] }],
    },
  }),
  event('response.output_item.added', { output_index: 2, item: { ...callItem, arguments: '', status: 'in_progress' } }),
  event('response.function_call_arguments.delta', { item_id: callItem?.id, output_index: 2, delta: '{"location":' }),
  event('response.function_call_arguments.delta', { item_id: callItem?.id, output_index: 2, delta: '"Paris, France"}' }),
  event('response.function_call_arguments.done', { item_id: callItem?.id, output_index: 2, arguments: '{"location":"Paris, France"}' }),
  event('response.output_item.done', { output_index: 2, item: callItem }),
  event('response.completed', { response: responsesReasoningToolCall }),
].join('')

/** A stream that ends with `response.incomplete` after one delta. */
export const responsesIncompleteStream: string = [
  event('response.created', { response: { ...responsesIncomplete, status: 'in_progress', output: [], usage: null } }),
  event('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'In a peaceful grove beneath' }),
  event('response.incomplete', { response: responsesIncomplete }),
].join('')

/** A stream whose response fails. */
export const responsesFailedStream: string = [
  event('response.created', { response: { ...responsesText, status: 'in_progress', output: [], usage: null } }),
  event('response.failed', {
    response: {
      ...responsesText,
      status: 'failed',
      output: [],
      error: { code: 'server_error', message: 'The model failed to generate a response.' },
    },
  }),
].join('')

/** A stream that carries an `error` event. */
export const responsesErrorStream: string = event('error', {
  code: 'ERR_SOMETHING',
  message: 'Something went wrong',
  param: null,
})
