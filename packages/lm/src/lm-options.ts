import type { LanguageModel } from '@dspex/provider'
import type { Cache } from './cache.js'
import type { LMRequestOptions } from './lm-request-options.js'
import type { LMWarningHandler } from './lm-warning.js'

/**
 * Options of `new LM(model, options)`: default request options (DSPy's `lm.kwargs`) plus how the
 * LM reaches the provider, caches, records history and reports warnings.
 */
export interface LMOptions extends LMRequestOptions {
  /** Only `'chat'` is supported (DSPy also has `'text'` and `'responses'`). */
  readonly modelType?: 'chat'
  /** Use the response cache. Default `true`; a call can turn it off with `{ cache: false }`. */
  readonly cache?: boolean
  /**
   * Retries for failed HTTP calls, passed to the provider factory as `maxRetries` (the provider
   * helpers retry, honouring `retry-after`). Default 3. Kept in saved state only when the model
   * is a `LanguageModel` object.
   */
  readonly numRetries?: number
  /** The API key, passed to the provider factory only; never cached, recorded or saved. */
  readonly apiKey?: string
  /** The provider's endpoint, passed to the provider factory; saved as DSPy's `api_base`. */
  readonly baseURL?: string
  /** More settings for the provider factory (organisation, project...); never recorded or saved. */
  readonly providerSettings?: Readonly<Record<string, unknown>>
  /** HTTP headers sent with every call; never cached, recorded or saved. */
  readonly headers?: Readonly<Record<string, string>>
  /** Abort a call after this many milliseconds (each provider call, follow-ups included). */
  readonly timeoutMs?: number
  /** At most this many provider calls at once from this LM and its copies. Default: no limit. */
  readonly maxConcurrency?: number
  /** The cache to use instead of the default one (`getDefaultCache()`). */
  readonly responseCache?: Cache
  /** How many entries `lm.history` keeps (DSPy's `max_history_size`); 0 records none. Default 10,000. */
  readonly maxHistorySize?: number
  /** Receives warnings (cache failures, truncated responses...); DSPex never writes to the console. */
  readonly onWarning?: LMWarningHandler
}

/** Options of one `lm.call`: request options that override the LM's, plus per-call switches. */
export interface LMCallOptions extends LMRequestOptions {
  /** `false` skips the cache for this call, both lookup and store. */
  readonly cache?: boolean
  /** Headers for this call, merged over the LM's. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly signal?: AbortSignal | undefined
  /** Overrides the LM's `timeoutMs` for this call. */
  readonly timeoutMs?: number
}

/**
 * What `lm.copy(overrides)` takes: any LM option, or another model. An option set to `undefined`
 * is removed from the copy (DSPy removes kwargs set to `None`).
 */
export type LMCopyOverrides = {
  readonly [Name in keyof LMOptions]?: LMOptions[Name] | undefined
} & {
  readonly model?: string | LanguageModel | undefined
}

/**
 * Options of `LM.fromState(state, options)`: what a saved state never holds (the API key, headers,
 * runtime settings), and how to read it.
 */
export interface LMFromStateOptions
  extends Pick<
    LMOptions,
    'apiKey' | 'providerSettings' | 'headers' | 'timeoutMs' | 'maxConcurrency' | 'responseCache' | 'maxHistorySize' | 'onWarning'
  > {
  /** Use this model object instead of resolving the state's model string (the LM takes its model string from it). */
  readonly languageModel?: LanguageModel
  /** Keep `api_base`, `base_url` and `model_list` from the state (DSPy's `allow_unsafe_lm_state`). Default `false`. */
  readonly allowUnsafeLMState?: boolean
}
