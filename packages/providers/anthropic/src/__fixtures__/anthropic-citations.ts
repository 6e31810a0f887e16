// Hand-written, not recorded: shaped like the Messages API replies Anthropic documents for citations. Text blocks
// carry `citations` (`char_location` for plain-text documents, `page_location` for PDFs, `content_block_location`
// for custom content, `web_search_result_location` for the web search tool); streamed, each citation comes as a
// `citations_delta` before the text it supports.

/** A reply citing two documents of the request, one of them a PDF. */
export const anthropicDocumentCitationsReply = {
  id: 'msg_01DocCitations7vQk',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    { type: 'text', text: 'According to the documents, ' },
    {
      type: 'text',
      text: 'water boils at 100°C at sea level',
      citations: [
        {
          type: 'char_location',
          cited_text: 'Water boils at 100°C at standard atmospheric pressure.',
          document_index: 1,
          document_title: 'Physics Fundamentals',
          start_char_index: 0,
          end_char_index: 54,
        },
      ],
    },
    { type: 'text', text: ' and ' },
    {
      type: 'text',
      text: 'the Earth orbits the Sun',
      citations: [
        {
          type: 'page_location',
          cited_text: 'The Earth orbits the Sun in an elliptical path.',
          document_index: 0,
          document_title: 'Astronomy.pdf',
          start_page_number: 2,
          end_page_number: 3,
        },
        {
          type: 'content_block_location',
          cited_text: 'One orbit takes a year.',
          document_index: 2,
          document_title: null,
          start_block_index: 1,
          end_block_index: 2,
        },
      ],
    },
    { type: 'text', text: '.' },
  ],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1480, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 62 },
}

const searchCitation = {
  type: 'web_search_result_location',
  cited_text: 'The all-new Apple Ginza opens this Friday, September 26, in Tokyo.',
  url: 'https://www.apple.com/newsroom/2025/09/the-all-new-apple-ginza-opens/',
  title: 'The all-new Apple Ginza opens this Friday - Apple',
  encrypted_index: 'EpMBCioIBxgCIiQ4ODk4YTFkYy0yMTNkLTQ2OTQtYmI2ZS1hYjk4ZTkyYjYxOTQSDBCJ5jzTe5cH',
}

/** A streamed web-search answer: the tool call and its results, then a cited text block (payloads one a line). */
export const anthropicWebSearchCitationsChunks: string = [
  {
    type: 'message_start',
    message: {
      id: 'msg_01WebCites',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [],
      stop_reason: null,
      usage: { input_tokens: 2037, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_01Bj5uzz', name: 'web_search', input: {} } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query": "Apple Ginza opening"}' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'content_block_start',
    index: 1,
    content_block: {
      type: 'web_search_tool_result',
      tool_use_id: 'srvtoolu_01Bj5uzz',
      content: [
        { type: 'web_search_result', title: searchCitation.title, url: searchCitation.url, encrypted_content: 'Ev4eCioICBgC', page_age: null },
      ],
    },
  },
  { type: 'content_block_stop', index: 1 },
  { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text: 'Here is what I found. ' } },
  { type: 'content_block_stop', index: 2 },
  { type: 'content_block_start', index: 3, content_block: { type: 'text', text: '', citations: [] } },
  { type: 'content_block_delta', index: 3, delta: { type: 'citations_delta', citation: searchCitation } },
  { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'Apple Ginza reopens ' } },
  { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'on September 26 in Tokyo' } },
  { type: 'content_block_stop', index: 3 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 48 } },
  { type: 'message_stop' },
]
  .map((payload) => JSON.stringify(payload))
  .join('\n')

/** The web-search citation as a whole reply's text block carries it. */
export const anthropicWebSearchCitationsReply = {
  id: 'msg_01WebCitesWhole',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    { type: 'server_tool_use', id: 'srvtoolu_01Bj5uzz', name: 'web_search', input: { query: 'Apple Ginza opening' } },
    { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_01Bj5uzz', content: [] },
    { type: 'text', text: 'Apple Ginza reopens on September 26 in Tokyo', citations: [searchCitation] },
  ],
  stop_reason: 'end_turn',
  usage: { input_tokens: 2037, output_tokens: 48 },
}
