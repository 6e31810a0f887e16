export { Cache, type CacheOperationOptions, type CacheOptions } from './cache.js'
export { type CacheKeyRequest, cacheKeyInput } from './cache-key.js'
export type { CachedResult, CacheStore } from './cache-store.js'
export {
  type ConfigureCacheOptions,
  configureCache,
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
} from './lm-history.js'
export type { LMCallOptions, LMCopyOverrides, LMFromStateOptions, LMOptions } from './lm-options.js'
export type { LMCallResult, LMOutput } from './lm-output.js'
export type { LMRequest, LMRequestOptions } from './lm-request-options.js'
export type { LMState } from './lm-state.js'
export type { LMWarning, LMWarningCode, LMWarningHandler } from './lm-warning.js'
export {
  type ProviderFactory,
  type ProviderFactorySettings,
  registerProvider,
  unregisterProvider,
} from './provider-registry.js'
