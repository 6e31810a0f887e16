export { convertJSONSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js'
export {
  convertToGoogleContents,
  type GoogleContent,
  type GooglePart,
  type GooglePrompt,
} from './convert-to-google-contents.js'
export {
  createGoogleEmbeddingModel,
  type GoogleEmbeddingModelConfig,
  type GoogleEmbeddingModelId,
  type GoogleEmbeddingSettings,
  type GoogleEmbeddingTaskType,
  googleMaxEmbeddingsPerCall,
} from './google-embedding-model.js'
export { type GoogleErrorPayload, mapGoogleError, readGoogleError } from './google-error.js'
export { createGoogleLanguageModel, type GoogleLanguageModelConfig } from './google-language-model.js'
export { createGoogle, type GoogleProvider, type GoogleProviderSettings, google } from './google-provider.js'
export { buildGoogleRequest, type GoogleProviderOptions, type GoogleRequest } from './google-request-body.js'
export type {
  GoogleBatchEmbedContentsResponse,
  GoogleCandidate,
  GoogleContentEmbedding,
  GoogleEmbedContentResponse,
  GoogleGenerateContentResponse,
  GoogleResponsePart,
  GoogleUsageMetadata,
} from './google-wire-schemas.js'
export {
  isGoogleBatchEmbedContentsResponse,
  isGoogleEmbedContentResponse,
  isGoogleGenerateContentResponse,
} from './google-wire-schemas.js'
export { mapGoogleFinishReason } from './map-google-finish-reason.js'
export { mapGoogleUsage } from './map-google-usage.js'
export { parseGoogleStream } from './parse-google-stream.js'
