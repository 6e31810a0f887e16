import { createProviderAPI, type GenerateRequest, type GenerateResult, type LanguageModel, loadAPIKey, type ProviderSettings } from '@dspex/provider'
import { convertToEchoPrompt } from './convert-to-echo-prompt.js'
import { mapEchoError } from './echo-error.js'

/**
 * Settings of {@link createEcho}: the common provider settings (`apiKey`, default `ECHO_API_KEY`; `baseURL`,
 * default `https://api.echo-cloud.example`; `headers`, `fetch`, `maxRetries`, `timeoutMs`). `LM` passes
 * `apiKey`, `baseURL` and `maxRetries` (its `numRetries`).
 */
export interface EchoProviderSettings extends ProviderSettings {}

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
  // One transport for every model: the key is read at each call; errors, retries, time limit and fetch are shared.
  const { apiKey, baseURL = 'https://api.echo-cloud.example', headers, ...transport } = settings
  const api = createProviderAPI({
    ...transport,
    provider: 'echo',
    baseURL,
    mapError: mapEchoError,
    headers: () => ({
      authorization: `Bearer ${loadAPIKey({ apiKey, environmentVariableName: 'ECHO_API_KEY', description: 'Echo Cloud' })}`,
      ...headers,
    }),
  })

  const generate = async (modelId: string, request: GenerateRequest): Promise<GenerateResult> => {
    const body = { model: modelId, prompt: convertToEchoPrompt(request.messages), max_tokens: request.maxTokens, temperature: request.temperature }
    const { value } = await api.postJSON('/v1/complete', body, request, isEchoReply)
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
