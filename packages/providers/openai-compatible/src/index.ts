export { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js'
export {
  convertToOpenAICompatibleChatMessages,
  type OpenAICompatibleChatContentPart,
  type OpenAICompatibleChatMessage,
} from './convert-to-openai-compatible-chat-messages.js'
export { MissingBaseURLError, type MissingBaseURLErrorOptions } from './errors/missing-base-url-error.js'
export { TooManyEmbeddingValuesError, type TooManyEmbeddingValuesErrorOptions } from './errors/too-many-embedding-values-error.js'
export { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js'
export {
  defaultOpenAICompatibleCapabilities,
  OpenAICompatibleChatLanguageModel,
  type OpenAICompatibleChatModelConfig,
} from './openai-compatible-chat-language-model.js'
export {
  createOpenAICompatibleChatRequestBody,
  type OpenAICompatibleChatRequestBody,
  type OpenAICompatibleChatRequestBodyOptions,
} from './openai-compatible-chat-request-body.js'
export {
  OpenAICompatibleEmbeddingModel,
  type OpenAICompatibleEmbeddingModelConfig,
  type OpenAICompatibleEmbeddingSettings,
} from './openai-compatible-embedding-model.js'
export { mapOpenAICompatibleError } from './openai-compatible-error.js'
export {
  createOpenAICompatible,
  type OpenAICompatibleProvider,
  type OpenAICompatibleProviderSettings,
} from './openai-compatible-provider.js'
export {
  type OpenAICompatibleQuirks,
  type ResolvedOpenAICompatibleQuirks,
  resolveOpenAICompatibleQuirks,
} from './openai-compatible-quirks.js'
export {
  isOpenAICompatibleServerName,
  type OpenAICompatibleServer,
  type OpenAICompatibleServerName,
  openaiCompatibleServers,
} from './openai-compatible-servers.js'
export { type ParseOpenAICompatibleStreamOptions, parseOpenAICompatibleStream } from './parse-openai-compatible-stream.js'
export { type ParseOpenAICompatibleToolCallContext, parseOpenAICompatibleToolCall } from './parse-openai-compatible-tool-call.js'
export { readOpenAICompatibleReasoning } from './read-openai-compatible-reasoning.js'
export {
  createReasoningTagSplitter,
  type ReasoningTagPiece,
  type ReasoningTagSplitter,
  type SplitReasoningTagsResult,
  splitReasoningTags,
} from './split-reasoning-tags.js'
