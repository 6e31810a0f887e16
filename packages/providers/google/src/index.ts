export type {
  GoogleEmbeddingModelId,
  GoogleEmbeddingSettings,
  GoogleEmbeddingTaskType,
} from './google-generative-ai-embedding-model.js'
export { createGoogle, type GoogleProvider, type GoogleProviderSettings, google } from './google-provider.js'
export type { GoogleProviderOptions } from './google-request-body.js'
