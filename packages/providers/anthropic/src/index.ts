export { type AnthropicErrorPayload, mapAnthropicError, readAnthropicError } from './anthropic-error.js'
export {
  type AnthropicLanguageModelConfig,
  anthropicVersion,
  createAnthropicLanguageModel,
} from './anthropic-language-model.js'
export { type AnthropicModelInfo, getAnthropicModelInfo } from './anthropic-model-info.js'
export { type AnthropicProvider, type AnthropicProviderSettings, anthropic, createAnthropic } from './anthropic-provider.js'
export {
  type AnthropicProviderOptions,
  type AnthropicRequest,
  anthropicJSONToolName,
  buildAnthropicRequest,
} from './anthropic-request-body.js'
export type { AnthropicMessage, AnthropicResponseBlock, AnthropicStreamEvent, AnthropicUsage } from './anthropic-wire-schemas.js'
export { isAnthropicMessage, isAnthropicStreamEvent } from './anthropic-wire-schemas.js'
export {
  type AnthropicCacheControl,
  type AnthropicContentBlock,
  type AnthropicPrompt,
  type AnthropicTurn,
  convertToAnthropicMessages,
} from './convert-to-anthropic-messages.js'
export { mapAnthropicStopReason } from './map-anthropic-stop-reason.js'
export { mapAnthropicUsage } from './map-anthropic-usage.js'
export { parseAnthropicStream } from './parse-anthropic-stream.js'
