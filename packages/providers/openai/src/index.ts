export type { OpenAIChatModelId } from './openai-model-info.js'
export {
  createOpenAI,
  type OpenAIEmbeddingModelId,
  type OpenAIEmbeddingSettings,
  type OpenAIProvider,
  type OpenAIProviderSettings,
  openai,
} from './openai-provider.js'
