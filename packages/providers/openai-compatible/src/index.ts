export { MissingBaseURLError, type MissingBaseURLErrorOptions } from './errors/missing-base-url-error.js'
export { TooManyEmbeddingValuesError, type TooManyEmbeddingValuesErrorOptions } from './errors/too-many-embedding-values-error.js'
export type { OpenAICompatibleEmbeddingSettings } from './openai-compatible-embedding-model.js'
export {
  createOpenAICompatible,
  type OpenAICompatibleProvider,
  type OpenAICompatibleProviderSettings,
} from './openai-compatible-provider.js'
export type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js'
export {
  isOpenAICompatibleServerName,
  type OpenAICompatibleServer,
  type OpenAICompatibleServerName,
  openaiCompatibleServers,
} from './openai-compatible-servers.js'
