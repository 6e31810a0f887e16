import { describe, expect, it } from 'vitest'
import type { StreamPart } from './language-model/language-model.js'
import { stopStreamOnAbort } from './stop-stream-on-abort.js'

const text = (delta: string): StreamPart => ({ type: 'text-delta', delta })

describe('stopStreamOnAbort', () => {
  it('passes every part through while the signal stays quiet', async () => {
    const parts: StreamPart[] = []
    async function* source() {
      yield text('a')
      yield text('b')
    }
    for await (const part of stopStreamOnAbort(source(), new AbortController().signal)) parts.push(part)
    expect(parts).toEqual([text('a'), text('b')])
  })

  it('throws the abort reason on the next part and closes the source', async () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    let closed = false
    async function* source() {
      try {
        yield text('a')
        yield text('b')
        yield text('c')
      } finally {
        closed = true
      }
    }
    const seen: StreamPart[] = []
    const reading = (async () => {
      for await (const part of stopStreamOnAbort(source(), controller.signal)) {
        seen.push(part)
        controller.abort(reason)
      }
    })()
    await expect(reading).rejects.toBe(reason)
    expect(seen).toEqual([text('a')])
    expect(closed).toBe(true)
  })

  it('passes parts through untouched without a signal', async () => {
    async function* source() {
      yield text('a')
    }
    const parts: StreamPart[] = []
    for await (const part of stopStreamOnAbort(source(), undefined)) parts.push(part)
    expect(parts).toEqual([text('a')])
  })
})
