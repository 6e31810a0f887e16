import { APICallError, type ServerSentEvent, type StreamPart } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { parseGoogleStream } from './parse-google-stream.js'

async function collect(payloads: readonly unknown[]): Promise<StreamPart[]> {
  async function* events(): AsyncGenerator<ServerSentEvent> {
    for (const payload of payloads) yield { data: JSON.stringify(payload) }
  }
  const parts: StreamPart[] = []
  for await (const part of parseGoogleStream(events())) parts.push(part)
  return parts
}

describe('parseGoogleStream', () => {
  it('streams thoughts as reasoning deltas', async () => {
    const parts = await collect([
      { candidates: [{ content: { parts: [{ text: 'Hmm', thought: true }] } }] },
      {
        candidates: [{ content: { parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1 },
      },
    ])
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'Hmm' },
      { type: 'text-delta', delta: 'Hi' },
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'google', text: 'Hmm' } },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } },
    ])
  })

  it('gives a reasoning part when a thought signature arrives, and the tool call its own signature', async () => {
    const parts = await collect([
      { candidates: [{ content: { parts: [{ text: 'Think', thought: true }] } }] },
      { candidates: [{ content: { parts: [{ text: 'ing.', thought: true, thoughtSignature: 'sig-1' }] } }] },
      { candidates: [{ content: { parts: [{ functionCall: { name: 'f', args: {} }, thoughtSignature: 'sig-2' }] }, finishReason: 'STOP' }] },
    ])
    expect(parts.filter((part) => part.type === 'reasoning-part' || part.type === 'tool-call')).toEqual([
      { type: 'reasoning-part', part: { type: 'reasoning', provider: 'google', text: 'Thinking.', signature: 'sig-1' } },
      { type: 'tool-call', toolCall: { id: 'call_0', name: 'f', args: {}, signature: 'sig-2' } },
    ])
  })

  it('ends with content-filter for a blocked prompt or a safety stop', async () => {
    expect(await collect([{ promptFeedback: { blockReason: 'SAFETY' } }])).toEqual([
      { type: 'finish', finishReason: 'content-filter', rawFinishReason: 'SAFETY' },
    ])
    expect(await collect([{ candidates: [{ finishReason: 'RECITATION' }] }])).toEqual([
      { type: 'finish', finishReason: 'content-filter', rawFinishReason: 'RECITATION' },
    ])
  })

  it('throws an APICallError for an error event', async () => {
    const error = await collect([{ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }]).catch(
      (caught: unknown) => caught,
    )
    expect(APICallError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ isRetryable: true, message: 'google stream failed: UNAVAILABLE: The model is overloaded.' })
  })
})
