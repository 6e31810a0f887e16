export { addUsage } from './add-usage.js'
export { Cache, type CacheOperationOptions, type CacheOptions } from './cache.js'
export { type CacheKeyRequest, cacheFunctionIdentifier, cacheKey, cacheKeyInput } from './cache-key.js'
export { type CachedResult, type CacheStore, isCachedResult } from './cache-store.js'
export { canonicalJSON } from './canonical-json.js'
export {
  type ConfigureCacheOptions,
  configureCache,
  defaultCacheDirectory,
  getDefaultCache,
} from './default-cache.js'
export { DiskCacheStore, type DiskCacheStoreOptions } from './disk-cache-store.js'
export { CacheEntryCorruptError } from './errors/cache-entry-corrupt-error.js'
export { LMConfigurationError } from './errors/lm-configuration-error.js'
export { LMStateError } from './errors/lm-state-error.js'
export { ProviderNotInstalledError } from './errors/provider-not-installed-error.js'
export { type FormatHistoryOptions, formatHistory, inspectHistory } from './inspect-history.js'
export { LM, type LMInput } from './lm.js'
export {
  clearGlobalHistory,
  getGlobalHistory,
  type LMHistoryEntry,
  maxGlobalHistorySize,
} from './lm-history.js'
export type { LMCallOptions, LMCopyOverrides, LMFromStateOptions, LMOptions } from './lm-options.js'
export type { LMCallResult, LMOutput } from './lm-output.js'
export {
  isSecretOptionName,
  type LMRequest,
  type LMRequestOptions,
  requestOptionStateNames,
} from './lm-request-options.js'
export { dspyLMClassName, type LMState } from './lm-state.js'
export type { LMWarning, LMWarningCode, LMWarningHandler } from './lm-warning.js'
export {
  type ProviderFactory,
  type ProviderSettings,
  parseModelString,
  providerPackageName,
  type ResolveLanguageModelOptions,
  registerProvider,
  resolveLanguageModel,
  unregisterProvider,
} from './provider-registry.js'
export { isReasoningModel } from './reasoning-model.js'
