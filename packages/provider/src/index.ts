export { combineHeaders } from './combine-headers.js'
export { type CreateAPICallErrorOptions, createAPICallError } from './create-api-call-error.js'
export { embedMany } from './embed-many.js'
export { APICallError, type APICallErrorOptions } from './errors/api-call-error.js'
export { AuthenticationError } from './errors/authentication-error.js'
export { BillingError } from './errors/billing-error.js'
export { ConfigurationError } from './errors/configuration-error.js'
export { ContentFilterError } from './errors/content-filter-error.js'
export { ContextWindowExceededError } from './errors/context-window-exceeded-error.js'
export { InvalidRequestError } from './errors/invalid-request-error.js'
export { InvalidResponseDataError, type InvalidResponseDataErrorOptions } from './errors/invalid-response-data-error.js'
export { LoadAPIKeyError, type LoadAPIKeyErrorOptions } from './errors/load-api-key-error.js'
export { NetworkError } from './errors/network-error.js'
export { ProviderError, type ProviderErrorOptions } from './errors/provider-error.js'
export { RateLimitError } from './errors/rate-limit-error.js'
export { ServerError } from './errors/server-error.js'
export { StreamInterruptedError } from './errors/stream-interrupted-error.js'
export { TimeoutError, type TimeoutErrorOptions } from './errors/timeout-error.js'
export { UnsupportedFeatureError, type UnsupportedFeatureErrorOptions } from './errors/unsupported-feature-error.js'
export { UnsupportedModelError } from './errors/unsupported-model-error.js'
export type { FetchFunction } from './fetch-function.js'
export { isAbortError } from './is-abort-error.js'
export { isRetryableLMError } from './is-retryable-lm-error.js'
export type { Citation, CitationLocation, DocumentCitation, URLCitation } from './language-model/citation.js'
export type { EmbeddingModel, EmbedRequest, EmbedResult } from './language-model/embedding-model.js'
export type {
  FinishReason,
  GenerateChoice,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelCapabilities,
  ResponseFormat,
  StreamPart,
  ToolDefinition,
  Usage,
} from './language-model/language-model.js'
export type {
  AssistantMessage,
  AudioPart,
  ContentPart,
  DocumentPart,
  FilePart,
  ImagePart,
  Message,
  ReasoningPart,
  SystemMessage,
  TextPart,
  ToolCallPart,
  ToolMessage,
  UserMessage,
} from './language-model/language-model-message.js'
export { type LoadAPIKeyOptions, loadAPIKey } from './load-api-key.js'
export { createNodeHTTPFetch, type NodeHTTPFetchOptions } from './node-http-fetch.js'
export { type ParseJSONContext, type ParseJSONOptions, parseJSON } from './parse-json.js'
export { type ParseNDJSONStreamOptions, parseNDJSONStream } from './parse-ndjson-stream.js'
export { type HeadersLike, parseRetryAfter } from './parse-retry-after.js'
export { parseSSEStream, type ServerSentEvent } from './parse-sse-stream.js'
export { type PostJSONToAPIOptions, type PostJSONToAPIResult, postJSONToAPI } from './post-json-to-api.js'
export { type PostToAPIStreamResult, postToAPIStream } from './post-to-api-stream.js'
export { createProviderAPI, type ProviderAPI, type ProviderAPIConfig, type ProviderCallOptions } from './provider-api.js'
export type { ProviderSettings } from './provider-settings.js'
export type { ParseStreamOptions } from './read-text-chunks.js'
export { redactSecrets } from './redact-secrets.js'
export { type RetryEvent, type RetryOptions, retryWithExponentialBackoff } from './retry-with-exponential-backoff.js'
export type { ErrorResponseContext, MapErrorFunction, PostToAPIOptions } from './send-post-request.js'
export { stopStreamOnAbort } from './stop-stream-on-abort.js'
