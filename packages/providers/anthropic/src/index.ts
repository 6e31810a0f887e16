export { type AnthropicProvider, type AnthropicProviderSettings, anthropic, createAnthropic } from './anthropic-provider.js'
export type { AnthropicProviderOptions } from './anthropic-request-body.js'
export type { AnthropicCacheControl } from './convert-to-anthropic-messages.js'
