// What @dspex/openai builds on: the Chat Completions and embeddings models, the request body and the error mapping.
// Not a public API: these names may change in any release.
export {
  OpenAICompatibleChatLanguageModel,
  type OpenAICompatibleChatModelConfig,
} from './openai-compatible-chat-language-model.js'
export {
  buildOpenAICompatibleChatRequestBody,
  type OpenAICompatibleChatRequestBody,
  type OpenAICompatibleChatRequestBodyOptions,
} from './openai-compatible-chat-request-body.js'
export {
  OpenAICompatibleEmbeddingModel,
  type OpenAICompatibleEmbeddingModelConfig,
} from './openai-compatible-embedding-model.js'
export { mapOpenAICompatibleError } from './openai-compatible-error.js'
export { type ParseOpenAICompatibleToolCallContext, parseOpenAICompatibleToolCall } from './parse-openai-compatible-tool-call.js'
