import type { StreamPart } from '@dspex/provider'
import { createTestServer, readRecordedPayloads, replayServerSentEvents, respondWith, type TestServer, toServerSentEvents } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  anthropicDocumentCitationsReply,
  anthropicWebSearchCitationsChunks,
  anthropicWebSearchCitationsReply,
} from './__fixtures__/anthropic-citations.js'
import { createAnthropic } from './anthropic-provider.js'
import { convertAnthropicCitation } from './convert-anthropic-citation.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ask = { messages: [{ role: 'user' as const, content: 'What do the documents say?' }] }
const model = (url: string) => createAnthropic({ apiKey: 'sk-ant-test', baseURL: url })('claude-sonnet-4-5')

const webCitation = {
  type: 'url',
  url: 'https://www.apple.com/newsroom/2025/09/the-all-new-apple-ginza-opens/',
  title: 'The all-new Apple Ginza opens this Friday - Apple',
  citedText: 'The all-new Apple Ginza opens this Friday, September 26, in Tokyo.',
  supportedText: 'Apple Ginza reopens on September 26 in Tokyo',
}

describe('anthropic citations', () => {
  it('generate: document citations of every location kind, each with the text block it supports', async () => {
    server = await createTestServer(respondWith(200, anthropicDocumentCitationsReply))
    const result = await model(server.url).generate(ask)
    expect(result.choices[0]?.text).toBe('According to the documents, water boils at 100°C at sea level and the Earth orbits the Sun.')
    expect(result.choices[0]?.citations).toEqual([
      {
        type: 'document',
        documentIndex: 1,
        documentTitle: 'Physics Fundamentals',
        citedText: 'Water boils at 100°C at standard atmospheric pressure.',
        location: { unit: 'char', start: 0, end: 54 },
        supportedText: 'water boils at 100°C at sea level',
      },
      {
        type: 'document',
        documentIndex: 0,
        documentTitle: 'Astronomy.pdf',
        citedText: 'The Earth orbits the Sun in an elliptical path.',
        location: { unit: 'page', start: 2, end: 3 },
        supportedText: 'the Earth orbits the Sun',
      },
      {
        type: 'document',
        documentIndex: 2,
        citedText: 'One orbit takes a year.',
        location: { unit: 'block', start: 1, end: 2 },
        supportedText: 'the Earth orbits the Sun',
      },
    ])
  })

  it('generate: web search citations are URL citations', async () => {
    server = await createTestServer(respondWith(200, anthropicWebSearchCitationsReply))
    const result = await model(server.url).generate(ask)
    expect(result.choices[0]?.citations).toEqual([webCitation])
  })

  it('stream: citations_delta citations reach the finish part with the text of their block, as generate gives them', async () => {
    const events = toServerSentEvents(readRecordedPayloads(anthropicWebSearchCitationsChunks), {
      eventName: (payload) => (JSON.parse(payload) as { type: string }).type,
    })
    server = await createTestServer(replayServerSentEvents(events))
    const parts: StreamPart[] = []
    for await (const part of model(server.url).stream(ask)) parts.push(part)
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => (part.type === 'text-delta' ? part.delta : ''))).toEqual([
      'Here is what I found. ',
      'Apple Ginza reopens ',
      'on September 26 in Tokyo',
    ])
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', citations: [webCitation] })
  })

  it('says the model cites natively, so formats can fill Citations outputs', () => {
    expect(model('http://127.0.0.1:1').capabilities.citations).toBe(true)
  })
})

describe('convertAnthropicCitation', () => {
  it('reads search_result_location as a document citation by its search result index, and skips unknown kinds', () => {
    const citation = {
      type: 'search_result_location',
      cited_text: 'Q3 up 4%.',
      source: 'kb://reports/q3',
      title: 'Q3 report',
      search_result_index: 2,
      start_block_index: 0,
      end_block_index: 1,
    }
    expect(convertAnthropicCitation(citation, '')).toEqual({
      type: 'document',
      documentIndex: 2,
      documentTitle: 'Q3 report',
      citedText: 'Q3 up 4%.',
      location: { unit: 'block', start: 0, end: 1 },
    })
    expect(convertAnthropicCitation({ type: 'future_location' }, 'x')).toBeUndefined()
    expect(convertAnthropicCitation('nope', 'x')).toBeUndefined()
  })
})
