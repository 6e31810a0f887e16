import type { StreamPart } from '@dspex/provider'
import { createTestServer, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { responsesWebSearch, responsesWebSearchStream } from './__fixtures__/openai-responses-web-search.js'
import { createOpenAI } from './openai-provider.js'
import { readOpenAIResponsesCitations } from './read-openai-responses-citations.js'

const agentKit = {
  type: 'url',
  url: 'https://openai.com/index/introducing-agentkit/?utm_source=openai',
  title: 'Introducing AgentKit | OpenAI',
  supportedText: 'On October 6, 2025, OpenAI announced AgentKit at DevDay.',
  textRange: { start: 0, end: 56 },
}
const agentBuilder = {
  type: 'url',
  url: 'https://techcrunch.com/2025/10/06/agent-builder/?utm_source=openai',
  title: 'OpenAI launches Agent Builder',
  supportedText: 'It ships with a visual Agent Builder.',
  textRange: { start: 57, end: 95 },
}

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const messages = [{ role: 'user' as const, content: 'What did OpenAI announce at DevDay 2025?' }]

async function stream(text: string): Promise<StreamPart[]> {
  server = await createTestServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.end(text)
  })
  const parts: StreamPart[] = []
  for await (const part of createOpenAI({ apiKey: 'sk-test', baseURL: server.url }).responses('gpt-4.1').stream({ messages })) parts.push(part)
  return parts
}

describe('openai responses url_citation annotations', () => {
  it('generate: each url_citation is a citation with the text it supports; file citations are left out', async () => {
    server = await createTestServer(respondWith(200, responsesWebSearch))
    const result = await createOpenAI({ apiKey: 'sk-test', baseURL: server.url }).responses('gpt-4.1').generate({ messages })
    expect(result.choices[0]?.citations).toEqual([agentKit, agentBuilder])
  })

  it('stream: the finish part carries the citations of the final response', async () => {
    expect((await stream(responsesWebSearchStream())).at(-1)).toMatchObject({ type: 'finish', citations: [agentKit, agentBuilder] })
  })

  it('stream: without output in the final response, the annotation events give the sources', async () => {
    expect((await stream(responsesWebSearchStream(false))).at(-1)).toMatchObject({
      citations: [
        { type: 'url', url: agentKit.url, title: agentKit.title },
        { type: 'url', url: agentBuilder.url, title: agentBuilder.title },
      ],
    })
  })

  it('offsets citations of a later output_text part by the text before it', () => {
    const output = [
      { type: 'message', content: [{ type: 'output_text', text: 'First. ' }] },
      {
        type: 'message',
        content: [
          { type: 'output_text', text: 'Cited.', annotations: [{ type: 'url_citation', url: 'https://a.example', start_index: 0, end_index: 6 }] },
        ],
      },
    ]
    expect(readOpenAIResponsesCitations(output)).toEqual([
      { type: 'url', url: 'https://a.example', supportedText: 'Cited.', textRange: { start: 7, end: 13 } },
    ])
  })
})
