import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, sendJSON, type TestServer } from './__fixtures__/create-test-server.js'
import { APICallError } from './errors/api-call-error.js'
import { AuthenticationError } from './errors/authentication-error.js'
import { NetworkError } from './errors/network-error.js'
import { RateLimitError } from './errors/rate-limit-error.js'
import { ServerError } from './errors/server-error.js'
import { postJSONToAPI } from './post-json-to-api.js'
import { type RetryEvent, retryWithExponentialBackoff } from './retry-with-exponential-backoff.js'

const fast = { initialDelayMs: 1, jitter: 0 }

function failing(errors: readonly unknown[], result = 'ok') {
  const calls: number[] = []
  const fn = async (attempt: number): Promise<string> => {
    calls.push(attempt)
    const error = errors[attempt - 1]
    if (error !== undefined) throw error
    return result
  }
  return { fn, calls }
}

describe('retryWithExponentialBackoff', () => {
  it('retries retryable APICallErrors until the call succeeds', async () => {
    const { fn, calls } = failing([new ServerError({ message: '500', statusCode: 500 }), new NetworkError({ message: 'reset' })])
    expect(await retryWithExponentialBackoff(fn, { ...fast, maxRetries: 2 })).toBe('ok')
    expect(calls).toEqual([1, 2, 3])
  })

  it('throws the last error, as it is, once the retries are used up', async () => {
    const last = new ServerError({ message: 'still down', statusCode: 503 })
    const { fn, calls } = failing([new ServerError({ message: 'down', statusCode: 503 }), last])
    await expect(retryWithExponentialBackoff(fn, { ...fast, maxRetries: 1 })).rejects.toBe(last)
    expect(calls).toEqual([1, 2])
  })

  it('never retries non-retryable errors, other 4xx, or errors that are not APICallErrors', async () => {
    for (const error of [
      new AuthenticationError({ message: 'bad key' }),
      new APICallError({ message: 'bad request', statusCode: 400 }),
      new APICallError({ message: 'flagged but 4xx', statusCode: 422, isRetryable: true }),
      new APICallError({ message: 'quota', statusCode: 429, isRetryable: false }),
      new TypeError('bug'),
    ]) {
      const { fn, calls } = failing([error])
      await expect(retryWithExponentialBackoff(fn, fast)).rejects.toBe(error)
      expect(calls).toEqual([1])
    }
  })

  it('grows the wait by the backoff factor up to maxDelayMs, with jitter only shortening it', async () => {
    const events: RetryEvent[] = []
    const error = new ServerError({ message: 'down', statusCode: 500 })
    const { fn } = failing([error, error, error, error])
    await retryWithExponentialBackoff(fn, {
      maxRetries: 4,
      initialDelayMs: 1,
      backoffFactor: 3,
      maxDelayMs: 5,
      jitter: 0,
      onRetry: (event) => events.push(event),
    })
    expect(events.map(({ attempt, delayMs }) => [attempt, delayMs])).toEqual([
      [1, 1],
      [2, 3],
      [3, 5],
      [4, 5],
    ])
    expect(events[0]?.error).toBe(error)
    const jittered: number[] = []
    await retryWithExponentialBackoff(failing([error, error, error]).fn, {
      maxRetries: 3,
      initialDelayMs: 4,
      backoffFactor: 1,
      jitter: 0.5,
      onRetry: ({ delayMs }) => jittered.push(delayMs),
    })
    for (const delayMs of jittered) expect(delayMs >= 2 && delayMs <= 4).toBe(true)
  })

  it("waits as long as the provider asks, from retryAfterMs or the error's headers", async () => {
    const delays: number[] = []
    const { fn } = failing([
      new RateLimitError({ message: 'slow', retryAfterMs: 7 }),
      // As an error built by another copy of the package might arrive: headers set, retryAfterMs not derived.
      Object.assign(new ServerError({ message: 'busy', statusCode: 503 }), {
        responseHeaders: { 'retry-after-ms': '9' },
      }),
    ])
    await retryWithExponentialBackoff(fn, { initialDelayMs: 1000, onRetry: ({ delayMs }) => delays.push(delayMs) })
    expect(delays).toEqual([7, 9])
  })

  it('gives up at once when the provider asks for a wait longer than maxRetryAfterMs', async () => {
    const error = new RateLimitError({ message: 'slow', retryAfterMs: 120_000 })
    const { fn, calls } = failing([error])
    await expect(retryWithExponentialBackoff(fn, fast)).rejects.toBe(error)
    expect(calls).toEqual([1])
  })

  it('stops with the abort reason when the signal aborts during a wait or before an attempt', async () => {
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const { fn, calls } = failing([new ServerError({ message: 'down', statusCode: 500 })])
    const running = retryWithExponentialBackoff(fn, { initialDelayMs: 10_000, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 10)
    await expect(running).rejects.toBe(reason)
    expect(calls).toEqual([1])
    const never = failing([])
    await expect(retryWithExponentialBackoff(never.fn, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(never.calls).toEqual([])
  })

  it('throws the abort reason rather than retrying when the call fails after an abort', async () => {
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const { calls, fn } = failing([new ServerError({ message: 'down', statusCode: 500 })])
    const aborting = async (attempt: number) => {
      controller.abort(reason)
      return fn(attempt)
    }
    await expect(retryWithExponentialBackoff(aborting, { ...fast, signal: controller.signal })).rejects.toBe(reason)
    expect(calls).toEqual([1])
  })
})

describe('retryWithExponentialBackoff over HTTP', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  const call = (url: string) => () => postJSONToAPI({ url, body: {} })

  it('retries a 500 and returns the success that follows', async () => {
    server = await createTestServer([
      (_request, response) => sendJSON(response, 500, { error: 'boom' }),
      (_request, response) => sendJSON(response, 200, { ok: true }),
    ])
    const result = await retryWithExponentialBackoff(call(server.url), fast)
    expect(result.value).toEqual({ ok: true })
    expect(server.requests).toHaveLength(2)
  })

  it('retries a reset connection and returns the success that follows', async () => {
    server = await createTestServer([
      (_request, response) => response.socket?.destroy(),
      (_request, response) => sendJSON(response, 200, { ok: true }),
    ])
    expect((await retryWithExponentialBackoff(call(server.url), fast)).value).toEqual({ ok: true })
    expect(server.requests).toHaveLength(2)
  })

  it('honours retry-after in seconds and retry-after-ms on a 429', async () => {
    server = await createTestServer([
      (_request, response) => sendJSON(response, 429, { error: 'slow down' }, { 'retry-after': '0.1' }),
      (_request, response) => sendJSON(response, 429, { error: 'slow down' }, { 'retry-after-ms': '60' }),
      (_request, response) => sendJSON(response, 200, { ok: true }),
    ])
    const delays: number[] = []
    const started = performance.now()
    const result = await retryWithExponentialBackoff(call(server.url), {
      ...fast,
      onRetry: ({ delayMs }) => delays.push(delayMs),
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(150)
    expect(delays).toEqual([100, 60])
    expect(result.value).toEqual({ ok: true })
  })

  it('does not retry a 401 or a 400', async () => {
    server = await createTestServer([
      (_request, response) => sendJSON(response, 401, { error: 'bad key' }),
      (_request, response) => sendJSON(response, 400, { error: 'bad request' }),
      (_request, response) => sendJSON(response, 200, { ok: true }),
    ])
    await expect(retryWithExponentialBackoff(call(server.url), fast)).rejects.toBeInstanceOf(AuthenticationError)
    await expect(retryWithExponentialBackoff(call(server.url), fast)).rejects.toMatchObject({ statusCode: 400 })
    expect(server.requests).toHaveLength(2)
  })
})
