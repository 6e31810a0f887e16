import { createHash } from 'node:crypto'
import type { Message } from '@dspex/provider'
import { canonicalJSON } from './canonical-json.js'
import { type LMRequestOptions, requestOptionNames, withoutSecrets } from './lm-request-options.js'

/** Marks DSPex LM entries in a shared cache, as DSPy's `_fn_identifier` marks the function that made them. */
export const cacheFunctionIdentifier = 'dspex.lm.generate'

/** What a cache key is computed from: the model string, the messages and the merged request options. */
export interface CacheKeyRequest {
  readonly model: string
  readonly messages: readonly Message[]
  readonly options: LMRequestOptions
}

/**
 * The canonical JSON a cache key hashes: model, messages, `temperature` and `maxTokens` (always
 * present, `null` when unset, as in DSPy), every other request option that is set (`rolloutId`
 * included) and {@link cacheFunctionIdentifier}. Headers, abort signals, API keys and endpoints are
 * never part of it, and secret-named keys inside `providerOptions` are removed.
 *
 * @throws TypeError when a value cannot be written as JSON (a bigint or a cycle).
 * @example
 * ```ts
 * cacheKeyInput({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], options: {} })
 * // '{"_fn_identifier":"dspex.lm.generate","maxTokens":null,"messages":[{"content":"hi","role":"user"}],"model":"openai/gpt-4o-mini","temperature":null}'
 * ```
 * @see DSPy's `Cache.cache_key` (`dspy/clients/cache.py`).
 */
export function cacheKeyInput({ model, messages, options }: CacheKeyRequest): string {
  const keyed: Record<string, unknown> = {
    _fn_identifier: cacheFunctionIdentifier,
    model,
    messages,
    temperature: options.temperature ?? null,
    maxTokens: options.maxTokens ?? null,
  }
  for (const name of requestOptionNames) {
    const value = options[name]
    if (value !== undefined && name !== 'temperature' && name !== 'maxTokens') keyed[name] = withoutSecrets(value)
  }
  return canonicalJSON(keyed)
}

/**
 * The cache key of a request: the SHA-256 (lowercase hex) of {@link cacheKeyInput}.
 *
 * @throws TypeError when a value cannot be written as JSON.
 */
export function cacheKey(request: CacheKeyRequest): string {
  return createHash('sha256').update(cacheKeyInput(request)).digest('hex')
}
