// Chat Completions protocol pieces now live in @dspex/openai-compatible; the names this package has always
// exported stay available here.
export {
  convertToOpenAICompatibleChatMessages as convertToOpenAIChatMessages,
  mapOpenAICompatibleError as mapOpenAIError,
  mapOpenAICompatibleFinishReason as mapOpenAIFinishReason,
  type OpenAICompatibleChatContentPart as OpenAIChatContentPart,
  type OpenAICompatibleChatMessage as OpenAIChatMessage,
} from '@dspex/openai-compatible'
export {
  convertOpenAIResponsesReasoningItem,
  convertOpenAIResponsesReasoningPart,
  type OpenAIResponsesReasoningInputItem,
  openaiEncryptedReasoningInclude,
} from './convert-openai-responses-reasoning.js'
export { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js'
export {
  convertToOpenAIResponsesInput,
  type OpenAIResponsesInput,
  type OpenAIResponsesInputContent,
  type OpenAIResponsesInputItem,
} from './convert-to-openai-responses-input.js'
export { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason.js'
export { createOpenAIAPI, OpenAIChatLanguageModel, type OpenAIChatModelConfig } from './openai-chat-language-model.js'
export { createOpenAIChatRequestBody, type OpenAIChatRequestBody } from './openai-chat-request-body.js'
export {
  getOpenAIChatQuirks,
  getOpenAIModelCapabilities,
  isOpenAIReasoningModel,
  type OpenAIChatModelId,
} from './openai-model-info.js'
export {
  createOpenAI,
  type OpenAIEmbeddingModelId,
  type OpenAIEmbeddingSettings,
  type OpenAIProvider,
  type OpenAIProviderSettings,
  openai,
} from './openai-provider.js'
export { OpenAIResponsesLanguageModel, type OpenAIResponsesModelConfig } from './openai-responses-language-model.js'
export { createOpenAIResponsesRequestBody, type OpenAIResponsesRequestBody } from './openai-responses-request-body.js'
export { parseOpenAIResponsesStream } from './parse-openai-responses-stream.js'
