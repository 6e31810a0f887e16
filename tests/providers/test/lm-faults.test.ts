// Faults of a 200 reply, end to end: `LM` and `Predict` over `@dspex/openai` to a local server that answers
// without choices, cuts the body short, or sends a complete body that is not JSON. Each case runs through
// the provider's built-in fetch and through an injected one (Node's own).
import { Cache, LM } from '@dspex/lm'
import { createOpenAI } from '@dspex/openai'
import { Predict, PredictError } from '@dspex/predict'
import { InvalidResponseDataError, NetworkError } from '@dspex/provider'
import { createTestServer, type TestHandler, type TestServer } from '@dspex/provider/test-server'
import { afterEach, describe, expect, it } from 'vitest'

const answer = '[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]'

/** An OpenAI Chat Completions body with these choices. */
function completion(choices: readonly unknown[]): string {
  return JSON.stringify({
    id: 'chatcmpl-fault',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices,
    usage: { prompt_tokens: 20, completion_tokens: choices.length === 0 ? 0 : 8, total_tokens: choices.length === 0 ? 20 : 28 },
  })
}

const paris = completion([{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }])

const json =
  (body: string): TestHandler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(body)
  }

/** A 200 whose body stops a third of the way in, the connection then destroyed. */
const cut =
  (framing: Readonly<Record<string, string>>): TestHandler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', ...framing })
    response.write(paris.slice(0, Math.floor(paris.length / 3)), () => setTimeout(() => response.socket?.destroy(), 5))
  }

const framings = [
  ['content-length', { 'content-length': String(Buffer.byteLength(paris)) }],
  ['chunked', {}],
] as const

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe.each([
  ['the built-in fetch', undefined],
  ['an injected fetch', globalThis.fetch],
] as const)('LM over @dspex/openai with %s', (_name, fetch) => {
  const lmFor = (url: string, options: { numRetries?: number; responseCache?: Cache } = {}): LM =>
    new LM(
      createOpenAI({ baseURL: url, apiKey: 'test-key', maxRetries: options.numRetries ?? 2, ...(fetch === undefined ? {} : { fetch }) })(
        'gpt-4o-mini',
      ),
      {
        responseCache: options.responseCache ?? new Cache(),
      },
    )

  it('fails a Predict whose reply has an empty choices, every time, and caches nothing', async () => {
    server = await createTestServer(json(completion([])))
    const cache = new Cache()
    const lm = lmFor(server.url, { responseCache: cache })
    const predict = new Predict('question -> answer', { lm })
    for (let call = 0; call < 2; call += 1) {
      const failure = await predict.call({ question: 'What is the capital of France?' }).catch((error: unknown) => error)
      expect(PredictError.isInstance(failure)).toBe(true)
      expect(failure).toMatchObject({ code: 'predict-no-completions' })
      expect((failure as Error).message).toContain('no value for answer')
    }
    expect(server.requests).toHaveLength(2)
    expect(cache.memorySize).toBe(0)
    const raw = await lm.call('Say hi.')
    expect(raw.outputs).toEqual([])
  })

  it('answers a Predict after an empty choices only once the server gives one', async () => {
    server = await createTestServer([json(completion([])), json(paris)])
    const predict = new Predict('question -> answer', { lm: lmFor(server.url) })
    await expect(predict.call({ question: 'q' })).rejects.toMatchObject({ code: 'predict-no-completions' })
    expect((await predict.call({ question: 'q' })).answer).toBe('Paris')
  })

  it.each(framings)('retries a 200 whose %s body the connection cut short, then answers', async (_framing, framing) => {
    server = await createTestServer([cut(framing), json(paris)])
    const prediction = await new Predict('question -> answer', { lm: lmFor(server.url) }).call({ question: 'What is the capital of France?' })
    expect(prediction.answer).toBe('Paris')
    expect(server.requests).toHaveLength(2)
  })

  it.each(framings)('gives up on a cut %s body with a retryable NetworkError when retries are off', async (_framing, framing) => {
    server = await createTestServer(cut(framing))
    const failure = await lmFor(server.url, { numRetries: 0 })
      .call('Say hi.')
      .catch((error: unknown) => error)
    expect(NetworkError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ isRetryable: true })
    expect((failure as Error).message).toMatch(/was lost before the response ended: terminated/)
  })

  it('reports a complete body that is not JSON as an InvalidResponseDataError carrying it, without retrying', async () => {
    server = await createTestServer(json('<html><body>502 Bad Gateway</body></html>'))
    const failure = await lmFor(server.url)
      .call('Say hi.')
      .catch((error: unknown) => error)
    expect(InvalidResponseDataError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ text: '<html><body>502 Bad Gateway</body></html>', statusCode: 200, isRetryable: false })
    expect(server.requests).toHaveLength(1)
  })

  it('reports complete JSON whose choice has a number as content as an InvalidResponseDataError carrying it', async () => {
    const body = completion([{ index: 0, message: { role: 'assistant', content: 12345 }, finish_reason: 'stop' }])
    server = await createTestServer(json(body))
    const failure = await lmFor(server.url)
      .call('Say hi.')
      .catch((error: unknown) => error)
    expect(InvalidResponseDataError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ text: body })
    expect(server.requests).toHaveLength(1)
  })
})
