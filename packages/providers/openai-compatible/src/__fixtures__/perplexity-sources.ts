// Hand-written, not recorded: shaped like the replies Perplexity documents for `POST /chat/completions` with its
// Sonar models: the answer's `[1]` markers refer to the top-level `citations` URLs, and `search_results` gives each
// source's title and date. Streamed, every chunk repeats both lists.

const citations = ['https://www.nasa.gov/mission/artemis-ii/', 'https://en.wikipedia.org/wiki/Artemis_II']
const searchResults = [
  { title: 'Artemis II - NASA', url: citations[0], date: '2025-09-23', last_updated: '2025-10-01' },
  { title: 'Artemis II - Wikipedia', url: citations[1], date: '2025-10-02' },
]

/** A whole reply. */
export const perplexityReply = {
  id: '3c1d8f3e-7b5a-4d1e-9a2b-8c7d6e5f4a3b',
  model: 'sonar',
  created: 1759390000,
  usage: { prompt_tokens: 9, completion_tokens: 41, total_tokens: 50, search_context_size: 'low' },
  citations,
  search_results: searchResults,
  object: 'chat.completion',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'Artemis II is planned to fly four astronauts around the Moon in 2026 [1][2].' },
      delta: { role: 'assistant', content: '' },
    },
  ],
}

const chunk = (content: string, finish: string | null, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: '3c1d8f3e-7b5a-4d1e-9a2b-8c7d6e5f4a3b',
    model: 'sonar',
    created: 1759390000,
    citations,
    search_results: searchResults,
    object: 'chat.completion',
    choices: [{ index: 0, finish_reason: finish, message: { role: 'assistant', content }, delta: { role: 'assistant', content } }],
    ...extra,
  })

/** The reply streamed, as `.chunks.txt` payloads. */
export const perplexityChunks: string = [
  chunk('Artemis II is planned to fly four astronauts ', null),
  chunk('around the Moon in 2026 [1][2].', null),
  chunk('', 'stop', { usage: { prompt_tokens: 9, completion_tokens: 41, total_tokens: 50 } }),
].join('\n')

/** An OpenAI search model's reply, whose message carries `url_citation` annotations. */
export const openaiSearchReply = {
  id: 'chatcmpl-BrHk2aUsearch',
  object: 'chat.completion',
  created: 1759390100,
  model: 'gpt-4o-search-preview-2025-03-11',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'The Louvre reopened on October 22, 2025. ([apnews.com](https://apnews.com/article/louvre?utm_source=openai))',
        refusal: null,
        annotations: [
          {
            type: 'url_citation',
            url_citation: { end_index: 108, start_index: 41, title: 'Louvre reopens', url: 'https://apnews.com/article/louvre?utm_source=openai' },
          },
        ],
      },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 8, completion_tokens: 32, total_tokens: 40 },
}
