import type { StreamPart } from '@dspex/provider'
import { createTestServer, replayServerSentEvents, respondWith, type TestServer } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { googleGroundedChunks, googleGroundedReply, googleGroundingMetadata } from './__fixtures__/google-grounding.js'
import { toGeminiServerSentEvents } from './__fixtures__/google-test-server.js'
import { convertGoogleGroundingMetadata } from './convert-google-grounding-metadata.js'
import { createGoogle } from './google-provider.js'

const uefa = { type: 'url', url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQE1', title: 'uefa.com' }
const aljazeera = { type: 'url', url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQH2', title: 'aljazeera.com' }
const espn = { type: 'url', url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQF3', title: 'espn.com' }
const first = 'Spain won Euro 2024, defeating England 2-1 in the final.'
const second = 'It was a record fourth title for the Spanish team.'
const expected = [{ ...uefa, supportedText: first }, { ...aljazeera, supportedText: first }, { ...aljazeera, supportedText: second }, espn]

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ask = { messages: [{ role: 'user' as const, content: 'Who won Euro 2024?' }] }

describe('convertGoogleGroundingMetadata', () => {
  it('gives a citation per support and chunk, then the chunks no support names', () => {
    expect(convertGoogleGroundingMetadata(googleGroundingMetadata)).toEqual(expected)
  })

  it('reads retrieved documents, and skips chunks without a URI and indices out of range', () => {
    const citations = convertGoogleGroundingMetadata({
      groundingChunks: [{ retrievedContext: { uri: 'gs://bucket/handbook.pdf', title: 'Handbook' } }, { web: { title: 'no uri' } }],
      groundingSupports: [{ segment: { text: 'Leave is 25 days.' }, groundingChunkIndices: [0, 1, 7] }],
    })
    expect(citations).toEqual([{ type: 'url', url: 'gs://bucket/handbook.pdf', title: 'Handbook', supportedText: 'Leave is 25 days.' }])
    expect(convertGoogleGroundingMetadata(undefined)).toEqual([])
  })
})

describe('google grounding citations', () => {
  it('generate: the choice carries the grounding citations', async () => {
    server = await createTestServer(respondWith(200, googleGroundedReply))
    const result = await createGoogle({ apiKey: 'gemini-test-key', baseURL: server.url })('gemini-2.5-flash').generate(ask)
    expect(result.choices[0]?.citations).toEqual(expected)
  })

  it('stream: the finish part carries them, as generate gives them', async () => {
    server = await createTestServer(replayServerSentEvents(toGeminiServerSentEvents(googleGroundedChunks)))
    const parts: StreamPart[] = []
    for await (const part of createGoogle({ apiKey: 'gemini-test-key', baseURL: server.url })('gemini-2.5-flash').stream(ask)) parts.push(part)
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', citations: expected })
  })
})
