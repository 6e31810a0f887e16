import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { createTestServer, sleep, type TestServer } from './__fixtures__/create-test-server.js'
import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { parseNDJSONStream } from './parse-ndjson-stream.js'
import { postToAPIStream } from './post-to-api-stream.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

async function collect<Value>(values: AsyncIterable<Value>): Promise<Value[]> {
  const all: Value[] = []
  for await (const value of values) all.push(value)
  return all
}

const isChunk = (value: unknown): value is { done: boolean } =>
  typeof value === 'object' && value !== null && typeof (value as { done?: unknown }).done === 'boolean'

describe('parseNDJSONStream', () => {
  it('parses lines split across chunks, skips blank lines and accepts a last line without newline', async () => {
    const values = await collect(parseNDJSONStream(streamOf(['{"done":', 'false}\n\n{"done":false}\r\n', '{"done":true}'])))
    expect(values).toEqual([{ done: false }, { done: false }, { done: true }])
  })

  it('types values with a validator and rejects a wrong shape', async () => {
    const values = parseNDJSONStream(streamOf(['{"done":true}\n']), { validate: isChunk })
    expectTypeOf(values).toEqualTypeOf<AsyncGenerator<{ done: boolean }, void, undefined>>()
    expect(await collect(values)).toEqual([{ done: true }])
    await expect(collect(parseNDJSONStream(streamOf(['{"done":1}\n']), { validate: isChunk }))).rejects.toBeInstanceOf(InvalidResponseDataError)
  })

  it('throws InvalidResponseDataError with the raw line for a malformed complete line', async () => {
    const error = await collect(parseNDJSONStream(streamOf(['{"done":false}\nnot json\n']), { provider: 'ollama' })).catch((caught) => caught)
    expect(error).toBeInstanceOf(InvalidResponseDataError)
    expect((error as InvalidResponseDataError).text).toBe('not json')
    expect((error as InvalidResponseDataError).provider).toBe('ollama')
  })

  it('throws StreamInterruptedError when the body ends in the middle of a line', async () => {
    const error = await collect(parseNDJSONStream(streamOf(['{"done":false}\n{"do']))).catch((caught) => caught)
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect((error as StreamInterruptedError).responseBody).toBe('{"do')
  })

  it('reads Ollama-style streams from a real server and reports a cut connection', async () => {
    server = await createTestServer([
      async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' })
        response.write('{"message":{"content":"Hel"},"done":false}\n')
        await sleep(10)
        response.end('{"message":{"content":"lo"},"done":true}\n')
      },
      async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' })
        response.write('{"done":false}\n{"do')
        await sleep(10)
        response.socket?.destroy()
      },
    ])
    const first = await postToAPIStream({ url: server.url, body: {} })
    expect(await collect(parseNDJSONStream(first.body))).toEqual([
      { message: { content: 'Hel' }, done: false },
      { message: { content: 'lo' }, done: true },
    ])
    const second = await postToAPIStream({ url: server.url, body: {} })
    const seen: unknown[] = []
    const error = await (async () => {
      for await (const value of parseNDJSONStream(second.body, { url: second.url })) seen.push(value)
    })().catch((caught) => caught)
    expect(seen).toEqual([{ done: false }])
    expect(error).toBeInstanceOf(StreamInterruptedError)
  })
})
