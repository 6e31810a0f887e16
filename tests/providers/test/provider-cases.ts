// The four provider packages, each paired with the fake server speaking its protocol.
import { createAnthropic } from '@dspex/anthropic'
import { createGoogle } from '@dspex/google'
import { createOllama } from '@dspex/ollama'
import { createOpenAI } from '@dspex/openai'
import type { GenerateRequest, LanguageModel, StreamPart } from '@dspex/provider'
import type { FakeProtocolName } from '@dspex/testing'

/** One provider under test. */
export interface ProviderCase {
  readonly name: string
  readonly protocol: FakeProtocolName
  /** The provider's model, pointed at a fake server. */
  model(baseURL: string, maxRetries?: number): LanguageModel
}

export const providerCases: readonly ProviderCase[] = [
  {
    name: 'openai',
    protocol: 'openai',
    model: (baseURL, maxRetries = 2) => createOpenAI({ baseURL, apiKey: 'test-key', maxRetries })('gpt-4o-mini'),
  },
  {
    name: 'anthropic',
    protocol: 'anthropic',
    model: (baseURL, maxRetries = 2) => createAnthropic({ baseURL, apiKey: 'test-key', maxRetries })('claude-sonnet-4-5'),
  },
  {
    name: 'google',
    protocol: 'gemini',
    model: (baseURL, maxRetries = 2) => createGoogle({ baseURL, apiKey: 'test-key', maxRetries })('gemini-2.5-flash'),
  },
  {
    name: 'ollama',
    protocol: 'ollama',
    model: (baseURL, maxRetries = 2) => createOllama({ baseURL, maxRetries })('llama3.2'),
  },
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
