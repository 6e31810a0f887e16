export type { OllamaProviderOptions } from './ollama-chat-request-body.js'
export type { OllamaEmbeddingSettings } from './ollama-embedding-model.js'
export { createOllama, type OllamaProvider, type OllamaProviderSettings, ollama } from './ollama-provider.js'
