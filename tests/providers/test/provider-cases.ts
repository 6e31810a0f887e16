// The four provider packages, each paired with the fake server speaking its protocol.
import { createAnthropic } from '@dspex/anthropic'
import { createGoogle } from '@dspex/google'
import { createOllama } from '@dspex/ollama'
import { createOpenAI } from '@dspex/openai'
import type { GenerateRequest, LanguageModel, StreamPart } from '@dspex/provider'
import type { FakeProtocolName } from '@dspex/testing'

/** How a test connects to a provider: every setting but the base URL is optional. */
export interface ConnectSettings {
  readonly baseURL: string
  /** The API key; left out, the provider reads its environment variable. Ollama, which has none, sends it as a proxy's bearer token. */
  readonly apiKey?: string
  readonly maxRetries?: number
  readonly timeoutMs?: number
  /** Another model id than the case's default. */
  readonly modelId?: string
}

/** One provider under test. */
export interface ProviderCase {
  readonly name: string
  readonly protocol: FakeProtocolName
  /** The `provider/model` string `@dspex/lm` resolves to this provider. */
  readonly modelString: string
  /** The environment variable holding the API key, for providers that have one. */
  readonly apiKeyVariable?: string
  /** The provider's model, pointed at a fake server. */
  model(baseURL: string, maxRetries?: number): LanguageModel
  /** The provider's model with any settings. */
  connect(settings: ConnectSettings): LanguageModel
}

const withoutUndefined = <Value extends object>(value: Value): Value =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Value

function providerCase(options: Omit<ProviderCase, 'model'>): ProviderCase {
  return { ...options, model: (baseURL, maxRetries = 2) => options.connect({ baseURL, apiKey: 'test-key', maxRetries }) }
}

export const providerCases: readonly ProviderCase[] = [
  providerCase({
    name: 'openai',
    protocol: 'openai',
    modelString: 'openai/gpt-4o-mini',
    apiKeyVariable: 'OPENAI_API_KEY',
    connect: ({ modelId = 'gpt-4o-mini', ...settings }) => createOpenAI(withoutUndefined(settings))(modelId),
  }),
  providerCase({
    name: 'anthropic',
    protocol: 'anthropic',
    modelString: 'anthropic/claude-sonnet-4-5',
    apiKeyVariable: 'ANTHROPIC_API_KEY',
    connect: ({ modelId = 'claude-sonnet-4-5', ...settings }) => createAnthropic(withoutUndefined(settings))(modelId),
  }),
  providerCase({
    name: 'google',
    protocol: 'gemini',
    modelString: 'google/gemini-2.5-flash',
    apiKeyVariable: 'GOOGLE_GENERATIVE_AI_API_KEY',
    connect: ({ modelId = 'gemini-2.5-flash', ...settings }) => createGoogle(withoutUndefined(settings))(modelId),
  }),
  providerCase({
    name: 'ollama',
    protocol: 'ollama',
    modelString: 'ollama/llama3.2',
    connect: ({ modelId = 'llama3.2', apiKey, ...settings }) =>
      createOllama(withoutUndefined({ ...settings, headers: apiKey === undefined ? undefined : { authorization: `Bearer ${apiKey}` } }))(modelId),
  }),
]

export const question: GenerateRequest = { messages: [{ role: 'user', content: 'What is the capital of France?' }] }

/** Reads a stream to its end: the text and the parts. */
export async function readStream(model: LanguageModel, request: GenerateRequest = question): Promise<{ text: string; parts: StreamPart[] }> {
  const parts: StreamPart[] = []
  for await (const part of model.stream(request)) {
    if (part.type === 'error') throw part.error
    parts.push(part)
  }
  return { text: parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join(''), parts }
}
