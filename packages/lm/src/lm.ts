import { randomUUID } from 'node:crypto'
import { hasCallbacks, withCallbacks } from '@dspex/core'
import type { GenerateRequest, GenerateResult, LanguageModel, Message, Usage } from '@dspex/provider'
import pLimit, { type LimitFunction } from 'p-limit'
import { addUsage } from './add-usage.js'
import { BoundedHistory } from './bounded-history.js'
import type { Cache } from './cache.js'
import { cacheKey } from './cache-key.js'
import type { CachedResult } from './cache-store.js'
import { startCallTimeLimit } from './call-time-limit.js'
import { getDefaultCache } from './default-cache.js'
import { LMConfigurationError } from './errors/lm-configuration-error.js'
import { type CallScheduler, generateCompletions } from './generate-completions.js'
import { formatHistory } from './inspect-history.js'
import { type LMHistoryEntry, recordGlobalHistory } from './lm-history.js'
import type { LMCallOptions, LMCopyOverrides, LMFromStateOptions, LMOptions } from './lm-options.js'
import { type LMCallResult, toLMOutput } from './lm-output.js'
import { type LMRequest, type LMRequestOptions, mergeRequestOptions, withoutSecrets } from './lm-request-options.js'
import { dumpLMState, type LMState, parseLMState } from './lm-state.js'
import { emitWarning, type LMWarning, type LMWarningHandler } from './lm-warning.js'
import { type ProviderFactorySettings, parseModelString, resolveLanguageModel } from './provider-registry.js'
import { checkReasoningModelOptions } from './reasoning-model.js'

/** What `lm.call` accepts: a prompt (sent as one user message), a list of messages, or a full request. */
export type LMInput = string | readonly Message[] | LMRequest

const providerSettingNames = ['apiKey', 'baseURL', 'providerSettings', 'numRetries'] as const

/**
 * The client a program calls: wraps a provider's language model with DSPy's behaviour — default
 * request options, a two-level response cache keyed on the request without secrets, rollout ids,
 * `n` completions, a concurrency limit, history and usage per model.
 *
 * @example
 * ```ts
 * const lm = new LM('openai/gpt-4o-mini', { temperature: 0.7, maxTokens: 1000 })
 * const { outputs } = await lm.call([{ role: 'user', content: 'Say hi.' }])
 * outputs[0]?.text
 * ```
 * @see DSPy's `dspy.LM` (`dspy/clients/lm.py`, `dspy/clients/base_lm.py`).
 */
export class LM {
  /** The model string, `"<provider>/<model id>"`. */
  readonly model: string
  /** Always `'chat'`. */
  readonly modelType: 'chat'
  /** Whether calls use the response cache unless a call says otherwise. */
  readonly cache: boolean
  /** Retries the provider's HTTP helpers make (DSPy's `num_retries`). */
  readonly numRetries: number
  /** The default request options (DSPy's `lm.kwargs`). */
  readonly kwargs: LMRequestOptions
  readonly #source: string | LanguageModel
  readonly #options: LMOptions
  readonly #history: BoundedHistory<LMHistoryEntry>
  readonly #usage = new Map<string, Usage>()
  #languageModel: LanguageModel | undefined
  #resolving: Promise<LanguageModel> | undefined
  #limiter: LimitFunction | undefined
  #warnedZeroTemperatureRollout = false

  /**
   * @param model A `"provider/model"` string (resolved on the first call through `registerProvider`
   *   or the `@dspex/<provider>` package) or a `LanguageModel` object.
   * @throws LMConfigurationError for a malformed model string, a model type other than `'chat'`,
   *   a bad `numRetries` or `maxConcurrency`, or options an OpenAI reasoning model refuses.
   */
  constructor(model: string | LanguageModel, options: LMOptions = {}) {
    this.#source = model
    this.#options = { ...options }
    this.#history = new BoundedHistory(options.maxHistorySize ?? 10_000)
    if (typeof model === 'string') {
      parseModelString(model)
      this.model = model
    } else {
      this.model = `${model.provider}/${model.modelId}`
      this.#languageModel = model
    }
    const fail = (message: string): never => {
      throw new LMConfigurationError({ message, model: this.model })
    }
    const modelType: string = options.modelType ?? 'chat'
    if (modelType !== 'chat') fail(`Model type ${JSON.stringify(modelType)} is not supported; DSPex LMs are 'chat' models.`)
    this.modelType = 'chat'
    this.cache = options.cache ?? true
    this.numRetries = options.numRetries ?? 3
    if (!Number.isInteger(this.numRetries) || this.numRetries < 0) fail(`numRetries must be a whole number >= 0, got ${this.numRetries}.`)
    const { maxConcurrency } = options
    if (maxConcurrency !== undefined) {
      if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) fail(`maxConcurrency must be a whole number >= 1, got ${maxConcurrency}.`)
      this.#limiter = pLimit(maxConcurrency)
    }
    this.kwargs = mergeRequestOptions(options)
    checkReasoningModelOptions(this.model, this.kwargs.temperature, this.kwargs.maxTokens)
  }

  /** This LM's calls, oldest first (at most `maxHistorySize`). */
  get history(): readonly LMHistoryEntry[] {
    return this.#history.entries()
  }

  /** Tokens used by this LM's calls, summed per model string; cache hits add nothing. */
  get usage(): Readonly<Record<string, Usage>> {
    return Object.fromEntries(this.#usage)
  }

  /**
   * The provider's language model, resolving the model string on first use.
   *
   * @throws ProviderNotInstalledError when the provider is neither registered nor installed.
   * @throws LMConfigurationError when the provider package does not follow the convention.
   */
  async getLanguageModel(): Promise<LanguageModel> {
    return this.resolvedLanguageModel ?? this.#resolveLanguageModel()
  }

  /** The provider's language model once it is known (given directly, or resolved by a call); else `undefined`. */
  get resolvedLanguageModel(): LanguageModel | undefined {
    return this.#languageModel
  }

  #resolveLanguageModel(): Promise<LanguageModel> {
    this.#resolving ??= resolveLanguageModel(this.model, this.#providerSettings()).then(
      (languageModel) => {
        this.#languageModel = languageModel
        return languageModel
      },
      (error: unknown) => {
        this.#resolving = undefined
        throw error
      },
    )
    return this.#resolving
  }

  /**
   * Calls the model. Options merge as DSPy's kwargs do: the LM's, then the request's, then this
   * call's. With the cache on, an identical earlier request (same model, messages, options and
   * rollout id) is answered from the cache with no usage and `cacheHit: true`. Every call, hit or
   * not, is recorded in `lm.history` and the global history, and reported to callbacks
   * (`onLMStart` with `{ prompt, messages, kwargs }`, `onLMEnd` with the {@link LMCallResult}).
   *
   * @throws whatever the provider throws (an `APICallError` from `@dspex/provider`), and the errors
   *   of {@link LM.getLanguageModel}.
   * @example
   * ```ts
   * const { outputs } = await lm.call('Name three colours.', { n: 3, temperature: 1, cache: false })
   * ```
   */
  call(input: LMInput, options: LMCallOptions = {}): Promise<LMCallResult> {
    const request: LMRequest =
      typeof input === 'string' ? { messages: [{ role: 'user', content: input }] } : isMessageList(input) ? { messages: input } : input
    if (!hasCallbacks(this)) return this.#call(request, options)
    let inputs: Readonly<Record<string, unknown>> | undefined
    const event = {
      kind: 'lm' as const,
      instance: this,
      get inputs() {
        inputs ??= lmCallInputs(input, request, options)
        return inputs
      },
    }
    return withCallbacks(event, () => this.#call(request, options))
  }

  async #call(request: LMRequest, options: LMCallOptions): Promise<LMCallResult> {
    const messages = request.messages
    const merged = mergeRequestOptions(this.kwargs, request, options)
    this.#checkRollout(merged)
    const onWarning = (warning: LMWarning): void => emitWarning(this.#options.onWarning, warning)
    const cache = this.#options.responseCache ?? getDefaultCache()
    let key: string | undefined
    if (options.cache ?? this.cache) {
      try {
        key = cacheKey({ model: this.model, messages, options: merged })
      } catch (error) {
        onWarning({
          code: 'cache-key-failed',
          model: this.model,
          cause: error,
          message: 'The request cannot be written as JSON, so it was not cached.',
        })
      }
    }
    const cached = key === undefined ? undefined : await this.#lookUp(cache, key, merged.n ?? 1, onWarning)
    let result: GenerateResult
    if (cached !== undefined) {
      result = { choices: cached.choices, ...(cached.responseModel === undefined ? {} : { responseModel: cached.responseModel }) }
    } else {
      result = await this.#generate(messages, merged, request, options)
      const previous = this.#usage.get(this.model)
      const total = addUsage(previous, result.usage)
      if (total !== undefined) this.#usage.set(this.model, total)
      if (key !== undefined && result.choices.length > 0 && result.choices.length >= (merged.n ?? 1)) {
        const { choices, usage, responseModel } = result
        await cache.put(
          key,
          { choices, ...(usage === undefined ? {} : { usage }), ...(responseModel === undefined ? {} : { responseModel }) },
          { onWarning, model: this.model },
        )
      }
    }
    if (result.choices.some((choice) => choice.finishReason === 'length')) {
      onWarning({
        code: 'response-truncated',
        model: this.model,
        message: `LM response was truncated due to exceeding maxTokens=${merged.maxTokens}. Inspect it with inspectHistory(); pass a larger maxTokens to avoid it, or a higher temperature (now ${merged.temperature}) if the model was repeating itself.`,
      })
    }
    const cacheHit = cached !== undefined
    const usage = cacheHit ? undefined : result.usage
    const entry: LMHistoryEntry = {
      messages: [...messages],
      kwargs: historyKwargs(merged),
      outputs: result.choices.map(toLMOutput),
      usage,
      model: this.model,
      responseModel: result.responseModel,
      modelType: this.modelType,
      timestamp: new Date().toISOString(),
      uuid: randomUUID(),
      cacheHit,
    }
    this.#history.push(entry)
    recordGlobalHistory(entry)
    return { outputs: entry.outputs, result, usage, cacheHit, model: this.model, uuid: entry.uuid, historyEntry: entry }
  }

  /**
   * A shallow copy with the given options changed, its own empty history and usage, and the same
   * provider model, cache and concurrency limit when those are unchanged. An option set to
   * `undefined` is removed.
   *
   * @example
   * ```ts
   * const sampler = lm.copy({ rolloutId: 1, temperature: 1.0 })
   * ```
   * @see DSPy's `BaseLM.copy`.
   */
  copy(overrides: LMCopyOverrides = {}): LM {
    const { model, ...rest } = overrides
    const options: Record<string, unknown> = { ...this.#options, ...rest }
    for (const name of Object.keys(options)) if (options[name] === undefined) delete options[name]
    const sameModel = model === undefined
    const copy = new LM(sameModel ? this.#source : model, options as LMOptions)
    const sameProvider = sameModel && providerSettingNames.every((name) => !(name in rest))
    if (sameProvider) {
      copy.#languageModel = this.#languageModel
      copy.#resolving = this.#resolving
    }
    if (sameModel && !('maxConcurrency' in rest)) copy.#limiter = this.#limiter
    return copy
  }

  /** The last `n` calls of this LM in DSPy's `inspect_history` text. */
  inspectHistory(n = 1): string {
    return formatHistory(this.#history.entries(), n)
  }

  /**
   * This LM's saved state in DSPy's `dump_state` layout (`_dspy_lm_class`, `model`, `model_type`,
   * `cache`, `num_retries`, `temperature`, `max_tokens`...). API keys, headers and provider settings
   * are never written.
   */
  dumpState(): LMState {
    return dumpLMState({
      model: this.model,
      modelType: this.modelType,
      cache: this.cache,
      numRetries: this.numRetries,
      kwargs: this.kwargs,
      baseURL: this.#options.baseURL,
    })
  }

  /**
   * An LM rebuilt from {@link LM.dumpState} output (or a state DSPy saved). Secrets and runtime
   * settings come from `options`; `options.languageModel` replaces resolving the model string.
   *
   * @throws LMStateError for a state that is not an LM state, names a custom LM class, or holds a
   *   setting of the wrong type (`temperature: "hot"`, `num_retries: "x"`, `model_type: "text"`); its `key` names it.
   * @throws LMConfigurationError when the state's options are not valid together (a reasoning model's temperature).
   */
  static fromState(state: LMState, options: LMFromStateOptions = {}): LM {
    const { languageModel, allowUnsafeLMState, ...runtime } = options
    const parsed = parseLMState(state, {
      ...(allowUnsafeLMState === undefined ? {} : { allowUnsafeLMState }),
      ...(runtime.onWarning === undefined ? {} : { onWarning: runtime.onWarning }),
    })
    return new LM(languageModel ?? parsed.model, { ...parsed.options, ...runtime })
  }

  async #generate(messages: readonly Message[], merged: LMRequestOptions, request: LMRequest, options: LMCallOptions): Promise<GenerateResult> {
    const languageModel = this.resolvedLanguageModel ?? (await this.getLanguageModel())
    const { rolloutId: _rolloutId, ...sent } = merged
    const headers = { ...this.#options.headers, ...request.headers, ...options.headers }
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs
    const timeLimit = timeoutMs === undefined ? undefined : startCallTimeLimit(timeoutMs, this.model, languageModel.provider)
    const signals = distinctSignals(request.signal, options.signal, timeLimit?.signal)
    const generateRequest: GenerateRequest = {
      ...sent,
      messages,
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      ...(signals.length === 0 ? {} : { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) }),
    }
    const limiter = this.#limiter
    const schedule: CallScheduler = limiter === undefined ? (run) => run() : (run) => limiter(run)
    const { result, missing } = await generateCompletions(languageModel, generateRequest, schedule).finally(() => timeLimit?.clear())
    if (missing > 0) {
      emitWarning(this.#options.onWarning, {
        code: 'fewer-completions',
        model: this.model,
        message: `Asked for ${merged.n} completions but the provider returned ${result.choices.length}, even when asked again; short results are never cached.`,
      })
    }
    for (const warning of result.warnings ?? []) {
      emitWarning(this.#options.onWarning, { code: 'provider-warning', model: this.model, message: warning })
    }
    return result
  }

  /**
   * The cached answer to `key`, or `undefined`. The cache checks an entry's shape; an entry with fewer
   * completions than asked for (which no call of this LM stores) is a miss too, and the fresh answer replaces it.
   */
  async #lookUp(cache: Cache, key: string, wanted: number, onWarning: LMWarningHandler): Promise<CachedResult | undefined> {
    const cached = await cache.get(key, { onWarning, model: this.model })
    if (cached === undefined || cached.choices.length >= wanted) return cached
    onWarning({
      code: 'cache-read-failed',
      model: this.model,
      message: `Cache entry ${key} holds ${cached.choices.length} completions where ${wanted} were asked for; calling the model instead.`,
    })
    return undefined
  }

  #checkRollout(merged: LMRequestOptions): void {
    if (merged.rolloutId === undefined || merged.temperature !== 0 || this.#warnedZeroTemperatureRollout) return
    this.#warnedZeroTemperatureRollout = true
    emitWarning(this.#options.onWarning, {
      code: 'rollout-id-without-temperature',
      model: this.model,
      message: 'rolloutId has no effect when temperature=0; set temperature > 0 to get different answers per rollout.',
    })
  }

  #providerSettings(): ProviderFactorySettings {
    const { apiKey, baseURL, providerSettings } = this.#options
    return {
      ...providerSettings,
      ...(apiKey === undefined ? {} : { apiKey }),
      ...(baseURL === undefined ? {} : { baseURL }),
      maxRetries: this.numRetries,
    }
  }
}

/** What `onLMStart` receives, as DSPy's `BaseLM.__call__` arguments: the prompt, the messages and the other options. Built only when a callback reads it. */
function lmCallInputs(input: LMInput, request: LMRequest, options: LMCallOptions): Readonly<Record<string, unknown>> {
  const { messages, ...requestOptions } = request
  return { prompt: typeof input === 'string' ? input : null, messages, kwargs: { ...requestOptions, ...options } }
}

function isMessageList(input: readonly Message[] | LMRequest): input is readonly Message[] {
  return Array.isArray(input)
}

/**
 * The signals that are set, each once: the same signal often arrives in both the request and the
 * options, and combining it with itself would cost an `AbortSignal.any` per call.
 */
function distinctSignals(...signals: readonly (AbortSignal | undefined)[]): AbortSignal[] {
  const distinct: AbortSignal[] = []
  for (const signal of signals) if (signal !== undefined && !distinct.includes(signal)) distinct.push(signal)
  return distinct
}

/**
 * The request options as the history keeps them. Only `providerOptions` is free-form and may carry
 * credentials, so only it is cleaned; the typed options (a tool's JSON schema included) stay as sent.
 */
function historyKwargs(merged: LMRequestOptions): Readonly<Record<string, unknown>> {
  return merged.providerOptions === undefined ? { ...merged } : { ...merged, providerOptions: withoutSecrets(merged.providerOptions) }
}
