export { convertOllamaToolCalls } from './convert-ollama-tool-calls.js'
export { convertOllamaUsage } from './convert-ollama-usage.js'
export {
  type ConvertedOllamaMessages,
  convertToOllamaMessages,
  type OllamaChatMessage,
  type OllamaToolCall,
} from './convert-to-ollama-messages.js'
export { mapOllamaDoneReason } from './map-ollama-done-reason.js'
export { DEFAULT_OLLAMA_BASE_URL, resolveOllamaBaseURL } from './ollama-base-url.js'
export { OllamaChatLanguageModel } from './ollama-chat-language-model.js'
export {
  createOllamaChatRequestBody,
  type OllamaChatRequestBody,
  type OllamaProviderOptions,
  type OllamaTool,
} from './ollama-chat-request-body.js'
export { OllamaEmbeddingModel, type OllamaEmbeddingSettings } from './ollama-embedding-model.js'
export { mapOllamaError, readOllamaErrorMessage } from './ollama-error.js'
export type { OllamaModelConfig } from './ollama-model-config.js'
export { createOllama, type OllamaProvider, type OllamaProviderSettings, ollama } from './ollama-provider.js'
export {
  isOllamaWireChatResponse,
  isOllamaWireEmbedResponse,
  type OllamaWireChatResponse,
  type OllamaWireEmbedResponse,
  type OllamaWireMessage,
  type OllamaWireToolCall,
} from './ollama-wire-schemas.js'
export { parseOllamaStream } from './parse-ollama-stream.js'
