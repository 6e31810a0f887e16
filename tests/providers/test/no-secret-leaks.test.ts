// The API key never leaves the provider: not through any error (a malicious server echoing the key
// in its body and headers, resets, timeouts, invalid JSON), nor through the LM's history, caches,
// saved state or warnings after successful calls. Keys come from options, the environment and LM options.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { JSONAdapter } from '@dspex/formats'
import {
  Cache,
  type CachedResult,
  type CacheStore,
  DiskCacheStore,
  getGlobalHistory,
  inspectHistory,
  LM,
  type LMOptions,
  type LMWarning,
} from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context, type Logger } from '@dspex/primitives'
import type { GenerateRequest, LanguageModel } from '@dspex/provider'
import { createTestServer, type RecordedRequest, startFakeProviderServer, type TestHandler } from '@dspex/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ProviderCase, providerCases, question, readStream } from './provider-cases.js'
import { containsSecret, errorViews, jsonText, leakedViews, reachableStrings, secret } from './secret-scanner.js'

/** The key a request carried, read the way each provider sends it. */
function receivedKey(request: Pick<RecordedRequest, 'headers'>): string {
  const { authorization, 'x-api-key': apiKey, 'x-goog-api-key': googKey } = request.headers
  const value = [authorization, apiKey, googKey].find((header) => typeof header === 'string')
  return typeof value === 'string' ? value.replace(/^Bearer\s+/i, '') : ''
}

/** Headers a malicious server answers with: the key it received, and the whole authorization header. */
const echoHeaders = (request: RecordedRequest): Record<string, string> => ({
  'x-echo-api-key': receivedKey(request),
  'www-authenticate': `Bearer realm="${String(request.headers.authorization ?? receivedKey(request))}"`,
  'retry-after': '0',
})

/** An error body in the protocol's format whose message and fields repeat the key. */
function echoErrorBody(provider: ProviderCase, request: RecordedRequest, status: number): unknown {
  const key = receivedKey(request)
  const message = `Incorrect API key provided: ${key}. You sent ${String(request.headers.authorization)}.`
  if (provider.protocol === 'ollama') return { error: message, request_headers: request.headers }
  return {
    type: 'error',
    error: { message, type: 'invalid_request_error', code: status, status: 'UNAUTHENTICATED', param: key },
    request_headers: request.headers,
  }
}

/** A server that fails with `status` and echoes the key in its body and headers. */
const echoStatus =
  (provider: ProviderCase, status: number): TestHandler =>
  (request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...echoHeaders(request) })
    response.end(JSON.stringify(echoErrorBody(provider, request, status)))
  }

/** A 200 whose body is cut-off JSON holding the key. */
const echoInvalidJSON: TestHandler = (request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', ...echoHeaders(request) })
  response.end(`{"id": "${receivedKey(request)}", "choices": [{"message": {"content": "${receivedKey(request)}`)
}

/** A 200 whose JSON is valid but not the provider's shape, holding the key. */
const echoWrongShape: TestHandler = (request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', ...echoHeaders(request) })
  response.end(JSON.stringify({ candidates: 'none', choices: 7, content: 7, message: 7, done: 'no', echoed: receivedKey(request) }))
}

/** A 200 stream whose first event is invalid JSON holding the key. */
const echoInvalidStream =
  (provider: ProviderCase): TestHandler =>
  (request, response: ServerResponse) => {
    const key = receivedKey(request)
    if (provider.protocol === 'ollama') {
      response.writeHead(200, { 'content-type': 'application/x-ndjson', ...echoHeaders(request) })
      response.end(`{"model": "${key}", "message": {\n`)
      return
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', ...echoHeaders(request) })
    const event = provider.protocol === 'anthropic' ? 'event: message_start\n' : ''
    response.end(`${event}data: {"id": "${key}", "choices": [\n\n`)
  }

/** How a failing call is made: the provider directly (generate or stream), or a Predict through an LM. */
type Caller = (model: LanguageModel) => Promise<unknown>
const callers: Record<string, Caller> = {
  generate: (model) => model.generate(question),
  stream: (model) => readStream(model),
}

/** Runs `call`, which must fail, and returns what it threw. */
async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

interface Scenario {
  readonly name: string
  /** Starts the server for the scenario; the test closes it. */
  start(provider: ProviderCase): Promise<{ url: string; requests: readonly Pick<RecordedRequest, 'headers'>[]; close(): Promise<void> }>
  readonly callers: readonly string[]
  readonly timeoutMs?: number
}

const scenarios: readonly Scenario[] = [
  { name: '401 echoing the key', start: (provider) => createTestServer(echoStatus(provider, 401)), callers: ['generate', 'stream'] },
  { name: '429 echoing the key', start: (provider) => createTestServer(echoStatus(provider, 429)), callers: ['generate', 'stream'] },
  { name: '500 echoing the key', start: (provider) => createTestServer(echoStatus(provider, 500)), callers: ['generate', 'stream'] },
  { name: 'invalid JSON echoing the key', start: () => createTestServer(echoInvalidJSON), callers: ['generate'] },
  { name: 'JSON of the wrong shape echoing the key', start: () => createTestServer(echoWrongShape), callers: ['generate'] },
  { name: 'an invalid stream event echoing the key', start: (provider) => createTestServer(echoInvalidStream(provider)), callers: ['stream'] },
  {
    name: 'a connection reset',
    start: (provider) => startFakeProviderServer({ protocol: provider.protocol, faults: () => ({ reset: true }) }),
    callers: ['generate', 'stream'],
  },
  {
    name: 'a timeout',
    start: (provider) => startFakeProviderServer({ protocol: provider.protocol, faults: () => ({ latencyMs: 1_000 }) }),
    callers: ['generate', 'stream'],
    timeoutMs: 40,
  },
]

/** The views of every error each scenario provokes, calling the model `connect` makes directly and through Predict. */
async function provokeFailures(
  provider: ProviderCase,
  connect: (baseURL: string, timeoutMs: number | undefined) => { model: LanguageModel; lm: LM },
): Promise<{ views: Record<string, string>; keysReceived: string[] }> {
  const views: Record<string, string> = {}
  const keysReceived: string[] = []
  for (const scenario of scenarios) {
    const server = await scenario.start(provider)
    try {
      const { model, lm } = connect(server.url, scenario.timeoutMs)
      for (const callerName of scenario.callers) {
        const caller = callers[callerName]
        if (caller === undefined) throw new Error(`no caller ${callerName}`)
        Object.assign(views, errorViews(await failure(() => caller(model)), `${scenario.name}, ${callerName}`))
      }
      if (scenario.callers.includes('generate')) {
        const predict = new Predict('question -> answer', { lm })
        Object.assign(
          views,
          errorViews(await failure(() => predict.call({ question: 'What is the capital of France?' })), `${scenario.name}, Predict`),
        )
      }
      keysReceived.push(...server.requests.map((request) => receivedKey(request)))
    } finally {
      await server.close()
    }
  }
  return { views, keysReceived }
}

describe('the secret scanner', () => {
  it('finds the key wherever an error could carry it', () => {
    expect(leakedViews({ planted: `Authorization: Bearer ${secret}`, clean: 'Authorization: Bearer [REDACTED]' })).toEqual(['planted'])
    expect(containsSecret(Buffer.from(secret).toString('base64'))).toBe(true)
    const nested = new Error('outer', { cause: new Error('middle', { cause: new Error(`inner ${secret}`) }) })
    expect(leakedViews(errorViews(nested, 'nested'))).toContain('nested: cause 2')
    const hidden = Object.defineProperty(new Error('quiet'), 'detail', { value: { headers: { 'x-api-key': secret } }, enumerable: false })
    expect(leakedViews(errorViews(hidden, 'hidden'))).toEqual(['hidden: reachable strings'])
    expect(containsSecret(reachableStrings(new Map([['k', new Uint8Array(Buffer.from(secret))]])).join())).toBe(true)
  })
})

describe.concurrent.each(providerCases)('$name keeps the key given as an option out of every failure', (provider) => {
  it('redacts it from errors of 401, 429, 500, invalid JSON, invalid streams, resets and timeouts', async () => {
    const { views, keysReceived } = await provokeFailures(provider, (baseURL, timeoutMs) => {
      const model = provider.connect({ baseURL, apiKey: secret, maxRetries: 0, ...(timeoutMs === undefined ? {} : { timeoutMs }) })
      return { model, lm: new LM(model, { cache: false }) }
    })
    // The key did reach the servers, and the scan covered every view.
    expect(keysReceived.length).toBeGreaterThan(0)
    expect(new Set(keysReceived)).toEqual(new Set([secret]))
    expect(Object.keys(views).length).toBeGreaterThan(100)
    expectRedactedEchoes(views)
    expect(leakedViews(views)).toEqual([])
  })
})

const casesWithKeyVariable = providerCases.filter((provider) => provider.apiKeyVariable !== undefined)

describe.each(casesWithKeyVariable)('$name keeps the key read from $apiKeyVariable out of every failure', (provider) => {
  const variable = provider.apiKeyVariable ?? ''
  let saved: string | undefined
  beforeEach(() => {
    saved = process.env[variable]
    process.env[variable] = secret
  })
  afterEach(() => {
    if (saved === undefined) delete process.env[variable]
    else process.env[variable] = saved
  })

  it('redacts it from every error, called directly and through an LM built from a model string', async () => {
    const { views, keysReceived } = await provokeFailures(provider, (baseURL, timeoutMs) => {
      const timeout = timeoutMs === undefined ? {} : { timeoutMs }
      const model = provider.connect({ baseURL, maxRetries: 0, ...timeout })
      return { model, lm: new LM(provider.modelString, { baseURL, numRetries: 0, cache: false, ...timeout }) }
    })
    expect(new Set(keysReceived)).toEqual(new Set([secret]))
    expectRedactedEchoes(views)
    expect(leakedViews(views)).toEqual([])
  })
})

describe.concurrent.each(providerCases)('$name keeps the key given to an LM out of every failure', (provider) => {
  it('redacts it from every error of an LM built from a model string', async () => {
    const { views, keysReceived } = await provokeFailures(provider, (baseURL, timeoutMs) => {
      const timeout = timeoutMs === undefined ? {} : { timeoutMs }
      const lm = new LM(provider.modelString, { ...lmKeyOptions(provider), baseURL, numRetries: 0, cache: false, ...timeout })
      // The direct calls go through the model the LM resolved from its string.
      return { model: lazyModel(lm, timeoutMs), lm }
    })
    expect(new Set(keysReceived)).toEqual(new Set([secret]))
    expectRedactedEchoes(views)
    expect(leakedViews(views)).toEqual([])
  })
})

/**
 * A LanguageModel calling the one `lm` resolves from its model string (on first use); the LM's
 * `timeoutMs` is the LM's own, so it is applied here as a signal.
 */
function lazyModel(lm: LM, timeoutMs: number | undefined): LanguageModel {
  const withTimeout = (request: GenerateRequest): GenerateRequest =>
    timeoutMs === undefined ? request : { ...request, signal: AbortSignal.timeout(timeoutMs) }
  return {
    specificationVersion: 'v1',
    provider: 'lazy',
    modelId: lm.model,
    capabilities: { structuredOutputs: false, jsonMode: false, toolCalling: false, reasoning: false, images: false },
    generate: async (request) => (await lm.getLanguageModel()).generate(withTimeout(request)),
    async *stream(request) {
      yield* (await lm.getLanguageModel()).stream(withTimeout(request))
    },
  }
}

/** The malicious servers' echoes reached the errors, redacted: the scan looked at text that did carry the key. */
function expectRedactedEchoes(views: Readonly<Record<string, string>>): void {
  for (const scenario of ['401 echoing the key', 'invalid JSON echoing the key', 'an invalid stream event echoing the key']) {
    const redacted = Object.entries(views).filter(([where, text]) => where.startsWith(scenario) && text.includes('[REDACTED]'))
    expect({ scenario, redacted: redacted.length > 0 }).toEqual({ scenario, redacted: true })
  }
}

/**
 * How an LM is given the key: `apiKey`; Ollama has none, so a proxy's bearer token, both as LM
 * headers (sent with the LM's calls) and as the provider's own headers (sent with every call).
 */
function lmKeyOptions(provider: ProviderCase): Pick<LMOptions, 'apiKey' | 'headers' | 'providerSettings'> {
  if (provider.apiKeyVariable !== undefined) return { apiKey: secret }
  const headers = { authorization: `Bearer ${secret}` }
  return { headers, providerSettings: { headers } }
}

/** Every file under `directory`, as raw bytes read as latin1 text. */
async function readTree(directory: string): Promise<{ count: number; text: string }> {
  let text = ''
  let count = 0
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    count += 1
    text += `${(await readFile(join(entry.parentPath, entry.name))).toString('latin1')}\n`
  }
  return { count, text }
}

describe.concurrent.each(providerCases)('$name after successful calls', (provider) => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), `dspex-secret-${provider.name}-`))
  })
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('keeps the key out of history, inspectHistory, both cache levels, dumpState, the saved program and warnings', async () => {
    const server = await startFakeProviderServer({
      protocol: provider.protocol,
      reply: (request) => {
        const json = request.json as Record<string, unknown> | undefined
        if (request.body.includes('scores')) return '{"scores": {"paris": 3}}'
        if (
          json !== undefined &&
          (json.response_format !== undefined ||
            json.format !== undefined ||
            request.body.includes('"tool_choice"') ||
            request.body.includes('responseMimeType'))
        ) {
          return provider.protocol === 'anthropic' ? { toolCalls: [{ name: 'json', arguments: { answer: 'Paris' } }] } : '{"answer": "Paris"}'
        }
        return '[[ ## answer ## ]]\nParis\n\n[[ ## completed ## ]]'
      },
    })
    try {
      const keys: string[] = []
      const disk = new DiskCacheStore({ directory })
      const recording: CacheStore = {
        get: (key) => disk.get(key),
        set: (key: string, value: CachedResult) => {
          keys.push(key)
          return disk.set(key, value)
        },
        delete: (key) => disk.delete(key),
      }
      const cache = new Cache({ store: recording })
      const warnings: LMWarning[] = []
      const logged: string[] = []
      const logger: Logger = { warn: (message) => logged.push(message) }
      const lm = new LM(provider.modelString, {
        ...lmKeyOptions(provider),
        baseURL: server.url,
        numRetries: 0,
        temperature: 0.3,
        responseCache: cache,
        onWarning: (warning) => warnings.push(warning),
      })
      const predict = new Predict('question -> answer', { lm })
      const predictions = await context({ logger }, async () => [
        await predict.call({ question: 'What is the capital of France?' }),
        // The same call again: a cache hit.
        await predict.call({ question: 'What is the capital of France?' }),
        await context({ adapter: new JSONAdapter() }, () => predict.call({ question: 'And of Italy?' })),
        // A dict output asks for JSON mode (Anthropic has none and warns).
        await context({ adapter: new JSONAdapter() }, () =>
          new Predict('question -> scores: dict[str, int]', { lm }).call({ question: 'Score it.' }),
        ),
      ])
      const programFile = join(directory, 'program.json')
      await predict.save(programFile)

      // The key was sent, the cache and history were filled, so the scan below is not vacuous.
      expect(new Set(server.requests.map((request) => receivedKey(request)))).toEqual(new Set([secret]))
      expect(predictions.map((prediction) => prediction.answer ?? prediction.scores)).toEqual(['Paris', 'Paris', 'Paris', { paris: 3 }])
      expect(lm.history.map((entry) => entry.cacheHit)).toEqual([false, true, false, false])
      expect(keys).toHaveLength(3)
      const files = await readTree(directory)
      expect(files.count).toBeGreaterThanOrEqual(4)
      const memory = await Promise.all(keys.map((key) => cache.get(key)))
      expect(memory.every((entry) => entry !== undefined)).toBe(true)
      if (provider.name === 'anthropic') expect(warnings.map((warning) => warning.code)).toContain('provider-warning')

      const languageModel = await lm.getLanguageModel()
      const views: Record<string, string> = {
        'lm.history': jsonText(lm.history),
        'global history': jsonText(getGlobalHistory()),
        'inspectHistory()': inspectHistory(1_000),
        'lm.inspectHistory()': lm.inspectHistory(1_000),
        'predict.history': jsonText(predict.history),
        'cache keys': keys.join('\n'),
        'memory cache entries': jsonText(memory),
        'disk cache files': files.text,
        'lm.dumpState()': jsonText(lm.dumpState()),
        'predict.dumpState()': jsonText(predict.dumpState()),
        warnings: jsonText(warnings),
        'warnings, inspected': inspect(warnings, { depth: 10 }),
        logger: logged.join('\n'),
        predictions: jsonText(predictions.map((prediction) => prediction.toDict())),
        'lm, inspected': inspect(lm, { depth: 10 }),
        'lm, reachable strings': reachableStrings(lm).join('\n'),
        'predict, inspected': inspect(predict, { depth: 10 }),
        'language model, inspected': inspect(languageModel, { depth: 10 }),
        'language model, reachable strings': reachableStrings(languageModel).join('\n'),
        'cache, inspected': inspect(cache, { depth: 10 }),
      }
      expect(leakedViews(views)).toEqual([])
    } finally {
      await server.close()
    }
  })
})
