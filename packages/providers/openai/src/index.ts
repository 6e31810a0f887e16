export {
  convertToOpenAIChatMessages,
  type OpenAIChatContentPart,
  type OpenAIChatMessage,
} from './convert-to-openai-chat-messages.js'
export { mapOpenAIFinishReason } from './map-openai-finish-reason.js'
export { OpenAIChatLanguageModel, type OpenAIChatModelConfig } from './openai-chat-language-model.js'
export { createOpenAIChatRequestBody, type OpenAIChatRequestBody } from './openai-chat-request-body.js'
export { mapOpenAIError } from './openai-error.js'
export { getOpenAIModelCapabilities, isOpenAIReasoningModel, type OpenAIChatModelId } from './openai-model-info.js'
export { createOpenAI, type OpenAIProvider, type OpenAIProviderSettings, openai } from './openai-provider.js'
