import { createTestServer, respondWith, type TestServer } from '@dspex/provider/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { readRecordedPayloads, replayServerSentEvents, toServerSentEvents } from './replay-recorded.js'

// The shape of a recorded Anthropic stream (`anthropic-text.chunks.txt`), shortened.
const recordedChunks = [
  '{"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":9,"output_tokens":1}}}',
  '',
  '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}',
  '{"type":"message_stop"}',
  '',
].join('\n')

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Reads a response body until it ends or fails, returning the text received and the failure. */
async function readBody(response: Response): Promise<{ text: string; error?: unknown }> {
  const reader = response.body?.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const chunk = await reader?.read()
      if (chunk === undefined || chunk.done) return { text }
      text += decoder.decode(chunk.value, { stream: true })
    }
  } catch (error) {
    return { text, error }
  }
}

describe('readRecordedPayloads', () => {
  it('returns the payload lines in order, without blank lines', () => {
    expect(readRecordedPayloads(recordedChunks)).toEqual([
      '{"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":9,"output_tokens":1}}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}',
      '{"type":"message_stop"}',
    ])
    expect(readRecordedPayloads('\n  \n')).toEqual([])
  })
})

describe('toServerSentEvents', () => {
  it('frames each payload as a data event ending with a blank line', () => {
    expect(toServerSentEvents(['{"a":1}', '{"a":2}'])).toEqual(['data: {"a":1}\n\n', 'data: {"a":2}\n\n'])
  })

  it('adds an event line named after the payload', () => {
    const events = toServerSentEvents(readRecordedPayloads(recordedChunks), {
      eventName: (payload) => (JSON.parse(payload) as { type: string }).type,
    })
    expect(events[0]).toMatch(/^event: message_start\ndata: \{"type":"message_start",.*\}\n\n$/)
    expect(events[2]).toBe('event: message_stop\ndata: {"type":"message_stop"}\n\n')
  })

  it('ends lines with \\r\\n when asked, and appends data: [DONE] with done', () => {
    expect(toServerSentEvents(['{"a":1}'], { lineEnding: '\r\n' })).toEqual(['data: {"a":1}\r\n\r\n'])
    expect(toServerSentEvents(['{"a":1}'], { done: true })).toEqual(['data: {"a":1}\n\n', 'data: [DONE]\n\n'])
    expect(toServerSentEvents([], { done: true, lineEnding: '\r\n', eventName: () => 'x' })).toEqual(['data: [DONE]\r\n\r\n'])
  })
})

describe('replayServerSentEvents', () => {
  it('answers every event over HTTP as text/event-stream, then ends the response', async () => {
    const events = toServerSentEvents(readRecordedPayloads(recordedChunks), { done: true })
    server = await createTestServer(replayServerSentEvents(events))
    const response = await fetch(server.url, { method: 'POST', body: '{}' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(await readBody(response)).toEqual({ text: events.join('') })
    expect(server.requests).toHaveLength(1)
  })

  it('destroys the socket after cutAfter events, so the reader sees a cut stream', async () => {
    const events = toServerSentEvents(readRecordedPayloads(recordedChunks))
    server = await createTestServer(replayServerSentEvents(events, { cutAfter: 2 }))
    const { text, error } = await readBody(await fetch(server.url))
    expect(error).toBeInstanceOf(Error)
    expect(text).toBe(events.slice(0, 2).join(''))
  })

  it('replays a stream after a recorded error body, request by request', async () => {
    const events = toServerSentEvents(['{"n":1}'])
    server = await createTestServer([respondWith(529, '{"type":"error","error":{"type":"overloaded_error"}}'), replayServerSentEvents(events)])
    const first = await fetch(server.url)
    expect([first.status, await first.text()]).toEqual([529, '{"type":"error","error":{"type":"overloaded_error"}}'])
    expect(await readBody(await fetch(server.url))).toEqual({ text: 'data: {"n":1}\n\n' })
  })
})
