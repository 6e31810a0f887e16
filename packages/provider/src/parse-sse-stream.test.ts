import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, sleep, type TestServer } from './__fixtures__/create-test-server.js'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { parseSSEStream, type ServerSentEvent } from './parse-sse-stream.js'
import { postToAPIStream } from './post-to-api-stream.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function streamOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
      controller.close()
    },
  })
}

async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const all: ServerSentEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

describe('parseSSEStream', () => {
  it('parses events split at any point, with names, ids, multi-line data and comments', async () => {
    const bytes = new TextEncoder().encode('data: héllo\n\n')
    const events = await collect(
      parseSSEStream(
        streamOf([
          ': keep-alive\n\nevent: message_start\nid: 7\nda',
          'ta: {"a":1}\n\ndata: line one\ndata: line two\r\n\r\n',
          bytes.slice(0, 8),
          bytes.slice(8),
        ]),
      ),
    )
    expect(events).toEqual([{ event: 'message_start', id: '7', data: '{"a":1}' }, { data: 'line one\nline two' }, { data: 'héllo' }])
  })

  it('stops at data: [DONE] without yielding it', async () => {
    const events = await collect(parseSSEStream(streamOf(['data: 1\n\ndata: [DONE]\n\ndata: after\n\n'])))
    expect(events).toEqual([{ data: '1' }])
  })

  it('throws StreamInterruptedError when the body ends in the middle of an event', async () => {
    const error = await collect(parseSSEStream(streamOf(['data: 1\n\ndata: {"par']), { provider: 'acme' })).catch((caught) => caught)
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect((error as StreamInterruptedError).message).toBe("acme's stream ended in the middle of an event.")
    expect((error as StreamInterruptedError).responseBody).toBe('{"par')
    await expect(collect(parseSSEStream(streamOf(['data: 1\n'])))).rejects.toBeInstanceOf(StreamInterruptedError)
  })

  it('ends quietly when the body ends on an event boundary without [DONE]', async () => {
    expect(await collect(parseSSEStream(streamOf(['data: 1\n\n: bye\n'])))).toEqual([{ data: '1' }])
  })

  it('yields events as they arrive from a real server, before the stream ends', async () => {
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    server = await createTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: {"delta":"Hel"}\n\n')
      await released
      response.end('data: {"delta":"lo"}\n\ndata: [DONE]\n\n')
    })
    const { body, url } = await postToAPIStream({ url: server.url, body: {} })
    const seen: string[] = []
    for await (const event of parseSSEStream(body, { url })) {
      seen.push(event.data)
      release()
    }
    expect(seen).toEqual(['{"delta":"Hel"}', '{"delta":"lo"}'])
  })

  it('throws StreamInterruptedError when the connection is cut mid-stream', async () => {
    server = await createTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: {"delta":"Hel"}\n\ndata: {"del')
      await sleep(20)
      response.socket?.destroy()
    })
    const { body, url } = await postToAPIStream({ url: server.url, body: {}, provider: 'acme' })
    const seen: string[] = []
    const error = await (async () => {
      for await (const event of parseSSEStream(body, { url, provider: 'acme' })) seen.push(event.data)
    })().catch((caught) => caught)
    expect(seen).toEqual(['{"delta":"Hel"}'])
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect((error as StreamInterruptedError).isRetryable).toBe(true)
    expect((error as StreamInterruptedError).url).toBe(url)
    expect((error as StreamInterruptedError).message).toMatch(/^acme's stream was cut off: terminated/)
  })

  it('rethrows the abort reason when the caller aborts mid-stream', async () => {
    server = await createTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n')
      await sleep(1000)
      response.end('data: late\n\n')
    })
    const controller = new AbortController()
    const { body } = await postToAPIStream({ url: server.url, body: {}, signal: controller.signal })
    const reason = new Error('stop streaming')
    const seen: string[] = []
    const error = await (async () => {
      for await (const event of parseSSEStream(body, { signal: controller.signal })) {
        seen.push(event.data)
        controller.abort(reason)
      }
    })().catch((caught) => caught)
    expect(seen).toEqual(['first'])
    expect(error).toBe(reason)
  })

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'))
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of parseSSEStream(body)) {
      expect(event.data).toBe('tick')
      break
    }
    expect(cancelled).toBe(true)
  })
})
