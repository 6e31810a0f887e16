import type { Socket } from 'node:net'
import { createTestServer, type TestServer } from '@dspex/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RecordedStream, recordedStreams } from './recorded-streams.js'

// Issue 14's process crash: a consumer that stops reading a stream (throws in its loop, aborts the signal, or
// breaks out) while the socket still has data queued must neither throw outside any promise nor leave the
// connection open. For every recorded stream, each way of stopping is tried at every part the stream yields: the
// server writes the whole stream but holds the end of the response back until the consumer has stopped, so data
// is queued and still arriving when it does, and then checks that the connection closed.

type StopMode = 'throw' | 'abort' | 'break'
const stopModes: readonly StopMode[] = ['throw', 'abort', 'break']

const escaped: unknown[] = []
const trap = (error: unknown): void => {
  escaped.push(error)
}
beforeAll(() => {
  process.on('uncaughtException', trap)
  process.on('unhandledRejection', trap)
})
afterAll(() => {
  process.off('uncaughtException', trap)
  process.off('unhandledRejection', trap)
})

/** How the server answers the next request: end as soon as everything is written, or only once the consumer stopped. */
interface Plan {
  readonly holdEndUntil?: Promise<void>
  /** Resolved by the server with whether the connection closed after the consumer stopped (undefined when the end was not held). */
  readonly report: (closed: boolean | undefined) => void
}

const messages = [{ role: 'user', content: 'Hi' }] as const
const eventsPerWrite = 16
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const wait = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds))

function socketClosed(socket: Socket | null): Promise<boolean> {
  if (socket === null || socket.destroyed) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      socket.off('close', onClose)
      resolve(false)
    }, 2_000)
    socket.once('close', onClose)
  })
}

async function startReplay(stream: RecordedStream, nextPlan: () => Plan): Promise<TestServer> {
  return createTestServer(async (_request, response) => {
    const plan = nextPlan()
    const socket = response.socket
    response.writeHead(200, { 'content-type': stream.contentType, 'cache-control': 'no-cache' })
    for (let index = 0; index < stream.events.length && !response.destroyed; index += eventsPerWrite) {
      response.write(stream.events.slice(index, index + eventsPerWrite).join(''))
      await turn()
    }
    if (plan.holdEndUntil === undefined) {
      plan.report(undefined)
      response.end()
      return
    }
    await plan.holdEndUntil
    plan.report(await socketClosed(socket))
    response.end()
  })
}

/** Reads the whole stream once: how many parts it yields, and how many of them arrive before the response ends. */
async function measure(stream: RecordedStream): Promise<{ parts: number; beforeEnd: number }> {
  let received = 0
  let release: () => void = () => undefined
  const holdEndUntil = new Promise<void>((resolve) => {
    release = resolve
  })
  const server = await startReplay(stream, () => ({ holdEndUntil, report: () => undefined }))
  try {
    const reading = (async () => {
      for await (const part of stream.model(server.url).stream({ messages })) {
        if (part.type === 'error') throw part.error
        received += 1
      }
    })()
    // The parts that need the end of the response stay unread; wait until the count stops changing.
    let stable = 0
    let last = -1
    while (stable < 5) {
      await wait(10)
      stable = received === last && server.requests.length > 0 ? stable + 1 : 0
      last = received
    }
    const beforeEnd = received
    release()
    await reading
    return { parts: received, beforeEnd }
  } finally {
    release()
    await server.close()
  }
}

interface StopOutcome {
  readonly error: unknown
  readonly connectionClosed: boolean | undefined
}

async function stopAt(stream: RecordedStream, server: TestServer, mode: StopMode, index: number, stopped: () => void): Promise<unknown> {
  const controller = new AbortController()
  const thrown = new Error(`consumer stopped at part ${index}`)
  let seen = 0
  try {
    for await (const _part of stream.model(server.url).stream({ messages, signal: controller.signal })) {
      if (seen++ !== index) continue
      if (mode === 'throw') throw thrown
      if (mode === 'break') break
      controller.abort(thrown)
    }
    return undefined
  } catch (error) {
    return error
  } finally {
    stopped()
  }
}

describe.each(recordedStreams)('$name', (stream) => {
  let measured: { parts: number; beforeEnd: number } = { parts: 0, beforeEnd: 0 }
  beforeAll(async () => {
    measured = await measure(stream)
  })

  it.each(stopModes)('survives a consumer that stops with %s at every part', { timeout: 240_000 }, async (mode) => {
    expect(measured.parts).toBeGreaterThan(0)
    escaped.length = 0
    let plan: Plan | undefined
    const server = await startReplay(stream, () => {
      if (plan === undefined) throw new Error('a request nobody planned')
      return plan
    })
    try {
      for (let index = 0; index < measured.parts; index += 1) {
        let stopped: () => void = () => undefined
        const holdEndUntil = new Promise<void>((resolve) => {
          stopped = resolve
        })
        const reported = new Promise<boolean | undefined>((resolve) => {
          plan = index < measured.beforeEnd ? { holdEndUntil, report: resolve } : { report: resolve }
        })
        const error = await stopAt(stream, server, mode, index, stopped)
        const outcome: StopOutcome = { error, connectionClosed: await reported }
        await turn()
        await turn()
        const where = `${stream.name}, ${mode} at part ${index} of ${measured.parts}`
        expect(escaped, `escaped the stream: ${where}`).toEqual([])
        if (mode === 'break') expect(outcome.error, where).toBeUndefined()
        else if (mode === 'throw' || index < measured.parts - 1)
          expect((outcome.error as Error | undefined)?.message, where).toBe(`consumer stopped at part ${index}`)
        if (outcome.connectionClosed !== undefined) expect(outcome.connectionClosed, `connection left open: ${where}`).toBe(true)
      }
      await wait(20)
      expect(escaped).toEqual([])
    } finally {
      await server.close()
    }
  })
})
