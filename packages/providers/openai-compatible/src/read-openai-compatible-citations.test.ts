import type { StreamPart } from '@dspex/provider'
import { createTestServer, readRecordedPayloads, replayServerSentEvents, respondWith, type TestServer, toServerSentEvents } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { openaiSearchReply, perplexityChunks, perplexityReply } from './__fixtures__/perplexity-sources.js'
import { createOpenAICompatible } from './openai-compatible-provider.js'
import { readOpenAICompatibleCitations } from './read-openai-compatible-citations.js'

const perplexitySources = [
  { type: 'url', url: 'https://www.nasa.gov/mission/artemis-ii/', title: 'Artemis II - NASA' },
  { type: 'url', url: 'https://en.wikipedia.org/wiki/Artemis_II', title: 'Artemis II - Wikipedia' },
]

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const messages = [{ role: 'user' as const, content: 'When does Artemis II fly?' }]
const perplexity = (url: string) => createOpenAICompatible({ name: 'perplexity', apiKey: 'pplx-test', baseURL: url })('sonar')

describe('perplexity sources and url_citation annotations as citations', () => {
  it("generate: Perplexity's search_results are the choice's citations", async () => {
    server = await createTestServer(respondWith(200, perplexityReply))
    const result = await perplexity(server.url).generate({ messages })
    expect(result.choices[0]?.citations).toEqual(perplexitySources)
    expect(server.requests[0]?.path).toBe('/chat/completions')
  })

  it('stream: the finish part carries the sources the chunks repeat, once', async () => {
    server = await createTestServer(replayServerSentEvents(toServerSentEvents(readRecordedPayloads(perplexityChunks), { done: true })))
    const parts: StreamPart[] = []
    for await (const part of perplexity(server.url).stream({ messages })) parts.push(part)
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', citations: perplexitySources })
  })

  it('generate: an OpenAI search model’s url_citation annotations, with the text they cover', async () => {
    server = await createTestServer(respondWith(200, openaiSearchReply))
    const result = await createOpenAICompatible({ name: 'openai-like', apiKey: 'sk-test', baseURL: server.url })('gpt-4o-search-preview').generate({
      messages,
    })
    expect(result.choices[0]?.citations).toEqual([
      {
        type: 'url',
        url: 'https://apnews.com/article/louvre?utm_source=openai',
        title: 'Louvre reopens',
        supportedText: '([apnews.com](https://apnews.com/article/louvre?utm_source=openai))',
        textRange: { start: 41, end: 108 },
      },
    ])
  })

  it('falls back to the citations URLs without search results, and ignores what is not a source', () => {
    expect(readOpenAICompatibleCitations({ citations: ['https://a.example', 7, ''] }, { annotations: [{ type: 'file' }] }, 'x')).toEqual([
      { type: 'url', url: 'https://a.example' },
    ])
    expect(readOpenAICompatibleCitations({}, {}, null)).toEqual([])
  })

  it('knows perplexity as a service', () => {
    expect(createOpenAICompatible({ name: 'perplexity', apiKey: 'pplx-test' })('sonar').provider).toBe('perplexity')
  })
})
