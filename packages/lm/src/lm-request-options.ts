import type { GenerateRequest, Message } from '@dspex/provider'

/**
 * The options of a model call that shape its answer: they go into the request (except `rolloutId`)
 * and into the cache key. Set on the `LM` (DSPy's `lm.kwargs`), on a request, or per call.
 */
export interface LMRequestOptions {
  readonly temperature?: number
  readonly maxTokens?: number
  readonly topP?: number
  readonly stop?: readonly string[]
  readonly seed?: number
  /** How many completions to return; the LM asks again when a provider returns fewer. */
  readonly n?: number
  readonly reasoningEffort?: NonNullable<GenerateRequest['reasoningEffort']>
  readonly responseFormat?: NonNullable<GenerateRequest['responseFormat']>
  readonly tools?: NonNullable<GenerateRequest['tools']>
  readonly toolChoice?: NonNullable<GenerateRequest['toolChoice']>
  readonly parallelToolCalls?: boolean
  /** Options only one provider understands, keyed by provider name (part of the cache key, secrets removed). */
  readonly providerOptions?: NonNullable<GenerateRequest['providerOptions']>
  /**
   * Part of the cache key but never sent: a different id gets a fresh answer for the same request
   * (DSPy's `rollout_id`). Only useful with a temperature above 0.
   */
  readonly rolloutId?: string | number
}

/** A request to an `LM`: the messages plus any request options, headers or abort signal. */
export interface LMRequest extends LMRequestOptions {
  readonly messages: readonly Message[]
  /** Extra HTTP headers; never part of the cache key or the history. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly signal?: AbortSignal | undefined
}

/**
 * Each request option with the name DSPy uses for it in `lm.kwargs` and in saved state, in the
 * order `dumpState` writes them.
 */
export const requestOptionStateNames = {
  temperature: 'temperature',
  maxTokens: 'max_tokens',
  topP: 'top_p',
  stop: 'stop',
  seed: 'seed',
  n: 'n',
  reasoningEffort: 'reasoning_effort',
  responseFormat: 'response_format',
  tools: 'tools',
  toolChoice: 'tool_choice',
  parallelToolCalls: 'parallel_tool_calls',
  providerOptions: 'provider_options',
  rolloutId: 'rollout_id',
} as const satisfies Record<keyof LMRequestOptions, string>

/** The names of every request option. */
export const requestOptionNames = Object.keys(requestOptionStateNames) as (keyof LMRequestOptions)[]

/**
 * The request options of each layer merged, later layers winning; an `undefined` value does not
 * override. Keys that are not request options are ignored.
 */
export function mergeRequestOptions(...layers: readonly (LMRequestOptions | undefined)[]): LMRequestOptions {
  const merged: Record<string, unknown> = {}
  for (const layer of layers) {
    if (layer === undefined) continue
    for (const name of requestOptionNames) {
      const value = layer[name]
      if (value !== undefined) merged[name] = value
    }
  }
  return merged as LMRequestOptions
}

const secretNames = new Set([
  'apikey',
  'xapikey',
  'apisecret',
  'secret',
  'secretkey',
  'clientsecret',
  'password',
  'accesstoken',
  'authtoken',
  'sessiontoken',
  'bearertoken',
  'authorization',
  'proxyauthorization',
  'bearer',
  'credentials',
  'headers',
  'baseurl',
  'apibase',
  'modellist',
])

/**
 * True for a key that names a secret or an endpoint (`apiKey`, `api_key`, `Authorization`,
 * `baseURL`, `api_base`, `headers`...): such keys never reach cache keys, history or saved state,
 * as DSPy ignores `api_key`, `api_base` and `base_url` for its cache key.
 */
export function isSecretOptionName(name: string): boolean {
  return secretNames.has(name.toLowerCase().replace(/[-_]/g, ''))
}

/** `value` with every object key that {@link isSecretOptionName} flags removed, at any depth. */
export function withoutSecrets<Value>(value: Value): Value {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutSecrets(item)) as Value
  if (value === null || typeof value !== 'object') return value
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const clean: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!isSecretOptionName(key)) clean[key] = withoutSecrets(item)
  }
  return clean as Value
}
