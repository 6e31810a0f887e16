import type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js'

/** Where a well-known OpenAI-compatible service lives, where its key is read from, and how it departs from OpenAI. */
export interface OpenAICompatibleServer {
  /** The API's base URL, up to and including the version segment. */
  readonly baseURL: string
  /** The environment variable holding the API key; absent for local servers that need none. */
  readonly apiKeyEnvironmentVariable?: string
  /** The server's departures from OpenAI's API. */
  readonly quirks: OpenAICompatibleQuirks
}

/**
 * Well-known OpenAI-compatible services by the provider names DSPy programs use through LiteLLM
 * (`groq/llama-3.3-70b-versatile`, `deepseek/deepseek-chat`...), so those model strings work here
 * with `@dspex/openai-compatible` installed. Quirks are the services' documented behaviour.
 */
export const openaiCompatibleServers = {
  groq: {
    baseURL: 'https://api.groq.com/openai/v1',
    apiKeyEnvironmentVariable: 'GROQ_API_KEY',
    quirks: { reasoningField: 'reasoning', multipleChoices: false },
  },
  deepseek: {
    baseURL: 'https://api.deepseek.com/v1',
    apiKeyEnvironmentVariable: 'DEEPSEEK_API_KEY',
    quirks: { reasoningField: 'reasoning_content' },
  },
  mistral: {
    baseURL: 'https://api.mistral.ai/v1',
    apiKeyEnvironmentVariable: 'MISTRAL_API_KEY',
    quirks: { structuredOutputs: true, reasoningEffort: false },
  },
  xai: {
    baseURL: 'https://api.x.ai/v1',
    apiKeyEnvironmentVariable: 'XAI_API_KEY',
    quirks: { structuredOutputs: true, reasoningField: 'reasoning_content' },
  },
  together_ai: {
    baseURL: 'https://api.together.xyz/v1',
    apiKeyEnvironmentVariable: 'TOGETHER_API_KEY',
    quirks: { structuredOutputs: true },
  },
  fireworks_ai: {
    baseURL: 'https://api.fireworks.ai/inference/v1',
    apiKeyEnvironmentVariable: 'FIREWORKS_API_KEY',
    quirks: { structuredOutputs: true },
  },
  openrouter: {
    baseURL: 'https://openrouter.ai/api/v1',
    apiKeyEnvironmentVariable: 'OPENROUTER_API_KEY',
    quirks: { structuredOutputs: true, reasoningField: 'reasoning' },
  },
  cerebras: {
    baseURL: 'https://api.cerebras.ai/v1',
    apiKeyEnvironmentVariable: 'CEREBRAS_API_KEY',
    quirks: { structuredOutputs: true, multipleChoices: false },
  },
  deepinfra: {
    baseURL: 'https://api.deepinfra.com/v1/openai',
    apiKeyEnvironmentVariable: 'DEEPINFRA_API_KEY',
    quirks: {},
  },
  perplexity: {
    baseURL: 'https://api.perplexity.ai',
    apiKeyEnvironmentVariable: 'PERPLEXITY_API_KEY',
    quirks: { structuredOutputs: true },
  },
  lm_studio: {
    baseURL: 'http://localhost:1234/v1',
    quirks: { structuredOutputs: true, jsonMode: false },
  },
} as const satisfies Readonly<Record<string, OpenAICompatibleServer>>

/** The name of a service in {@link openaiCompatibleServers}. */
export type OpenAICompatibleServerName = keyof typeof openaiCompatibleServers

/** Whether `name` is a service in {@link openaiCompatibleServers}. */
export function isOpenAICompatibleServerName(name: string): name is OpenAICompatibleServerName {
  return Object.hasOwn(openaiCompatibleServers, name)
}
