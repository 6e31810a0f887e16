import { describe, expect, it } from 'vitest'
import { StreamInterruptedError } from './errors/stream-interrupted-error.js'
import { readTextChunks } from './read-text-chunks.js'

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = []
  for await (const chunk of chunks) all.push(chunk)
  return all
}

describe('readTextChunks', () => {
  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('añb')
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2))
        controller.enqueue(bytes.slice(2))
        controller.close()
      },
    })
    expect((await collect(readTextChunks(body, {}))).join('')).toBe('añb')
  })

  it('maps a broken connection to StreamInterruptedError and passes other errors through', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('terminated', { cause: new Error('other side closed') }))
      },
    })
    const error = await collect(readTextChunks(broken, { provider: 'acme', url: 'http://x' })).catch((caught) => caught)
    expect(error).toBeInstanceOf(StreamInterruptedError)
    expect((error as StreamInterruptedError).message).toBe("acme's stream was cut off: terminated (other side closed)")
    const reason = new Error('custom abort reason')
    const aborted = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(reason)
      },
    })
    await expect(collect(readTextChunks(aborted, {}))).rejects.toBe(reason)
  })

  it('rejects with the abort reason of an already aborted signal', async () => {
    const reason = new Error('stop')
    const body = new ReadableStream<Uint8Array>()
    await expect(collect(readTextChunks(body, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason)
  })
})
