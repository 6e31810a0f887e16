import {
  combineHeaders,
  type FetchFunction,
  type GenerateRequest,
  type GenerateResult,
  type LanguageModel,
  loadApiKey,
  postJsonToApi,
  retryWithExponentialBackoff,
} from '@dspex/provider'
import { convertToEchoPrompt } from './convert-to-echo-prompt.js'
import { mapEchoError } from './echo-error.js'

/** Settings of {@link createEcho}; `LM` passes `apiKey`, `baseURL` and `maxRetries` (its `numRetries`). */
export interface EchoProviderSettings {
  /** The API key; defaults to the `ECHO_API_KEY` environment variable, read when a call is made. */
  readonly apiKey?: string
  /** The service's base URL; defaults to `https://api.echo-cloud.example`. */
  readonly baseURL?: string
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>
  /** How many times a retryable failure (429, 5xx, network) is retried; defaults to 2. */
  readonly maxRetries?: number
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: FetchFunction
}

/** The Echo Cloud provider: call it with a model id to get a `LanguageModel`. */
export type EchoProvider = (modelId: string) => LanguageModel

/** Echo Cloud's reply to `POST /v1/complete`. */
interface EchoReply {
  readonly id: string
  readonly output: string
  readonly usage: { readonly input: number; readonly output: number }
  readonly stop: 'done' | 'limit'
}

// A real provider checks the wire format with a compiled TypeBox schema; a shallow guard keeps this short.
const isEchoReply = (value: unknown): value is EchoReply =>
  typeof (value as EchoReply | null)?.output === 'string' && typeof (value as EchoReply).usage === 'object'

const ignoredOptions = ['tools', 'toolChoice', 'responseFormat', 'topP', 'stop', 'seed'] as const

/** What a request asks for that Echo Cloud cannot do, as warnings for the LM to report. */
function unsupported(request: GenerateRequest): string[] {
  return ignoredOptions.filter((name) => request[name] !== undefined).map((name) => `Echo Cloud does not support ${name}; it was ignored.`)
}

/**
 * Creates the Echo Cloud provider. Echo Cloud cannot stream, so `stream` yields the whole text once.
 *
 * @throws LoadAPIKeyError at call time (not here) when no API key is given or set in `ECHO_API_KEY`.
 * @example
 * ```ts
 * const echo = createEcho({ apiKey: process.env.MY_ECHO_KEY })
 * const result = await echo('echo-1').generate({ messages: [{ role: 'user', content: 'Hi!' }] })
 * ```
 */
export function createEcho(settings: EchoProviderSettings = {}): EchoProvider {
  const baseURL = (settings.baseURL ?? 'https://api.echo-cloud.example').replace(/\/+$/, '')

  const generate = async (modelId: string, request: GenerateRequest): Promise<GenerateResult> => {
    const apiKey = loadApiKey({ apiKey: settings.apiKey, environmentVariableName: 'ECHO_API_KEY', description: 'Echo Cloud' })
    const body = {
      model: modelId,
      prompt: convertToEchoPrompt(request.messages),
      max_tokens: request.maxTokens,
      temperature: request.temperature,
    }
    const headers = combineHeaders({ authorization: `Bearer ${apiKey}` }, settings.headers, request.headers)
    const signal = request.signal === undefined ? {} : { signal: request.signal }
    const fetch = settings.fetch === undefined ? {} : { fetch: settings.fetch }
    const call = () =>
      postJsonToApi({ url: `${baseURL}/v1/complete`, headers, body, provider: 'echo', mapError: mapEchoError, validate: isEchoReply, ...signal, ...fetch })
    const { value } = await retryWithExponentialBackoff(call, { maxRetries: settings.maxRetries ?? 2, ...signal })
    const warnings = unsupported(request)
    return {
      choices: [{ text: value.output, finishReason: value.stop === 'limit' ? 'length' : 'stop' }],
      usage: { promptTokens: value.usage.input, completionTokens: value.usage.output, totalTokens: value.usage.input + value.usage.output },
      raw: value,
      ...(warnings.length === 0 ? {} : { warnings }),
    }
  }

  return (modelId) => ({
    specificationVersion: 'v1',
    provider: 'echo',
    modelId,
    capabilities: { structuredOutputs: false, jsonMode: false, toolCalling: false, reasoning: false, images: false },
    generate: (request) => generate(modelId, request),
    async *stream(request) {
      const { choices, usage } = await generate(modelId, request)
      const choice = choices[0]
      if (choice?.text) yield { type: 'text-delta', delta: choice.text }
      yield { type: 'finish', finishReason: choice?.finishReason ?? 'unknown', ...(usage === undefined ? {} : { usage }) }
    },
  })
}
