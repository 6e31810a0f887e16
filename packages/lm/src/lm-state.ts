import { LMStateError } from './errors/lm-state-error.js'
import type { LMOptions } from './lm-options.js'
import { isSecretOptionName, type LMRequestOptions, requestOptionNames, requestOptionStateNames, withoutSecrets } from './lm-request-options.js'
import { emitWarning, type LMWarningHandler } from './lm-warning.js'

/** The class name DSPy writes for its `LM` in saved state, which DSPex writes and accepts. */
export const dspyLMClassName = 'dspy.clients.lm.LM'

/**
 * An LM's saved state in DSPy's `dump_state` layout: `_dspy_lm_class`, `model`, `model_type`,
 * `cache`, `num_retries`, the kwargs in snake case (`temperature` and `max_tokens` always, `null`
 * when unset), then `finetuning_model`, `launch_kwargs`, `train_kwargs`. Never holds an API key.
 */
export interface LMState {
  readonly _dspy_lm_class?: string
  readonly model: string
  readonly model_type?: string
  readonly cache?: boolean
  readonly num_retries?: number
  readonly temperature?: number | null
  readonly max_tokens?: number | null
  readonly [key: string]: unknown
}

/** What {@link dumpLMState} needs from an LM. */
export interface LMStateSource {
  readonly model: string
  readonly modelType: string
  readonly cache: boolean
  readonly numRetries: number
  readonly kwargs: LMRequestOptions
  readonly baseURL: string | undefined
}

/** Options of {@link parseLMState}. */
export interface ParseLMStateOptions {
  /** Keep `api_base`, `base_url` and `model_list` from the state (DSPy's `allow_unsafe_lm_state`). Default `false`. */
  readonly allowUnsafeLMState?: boolean
  readonly onWarning?: LMWarningHandler
}

/** What a saved state turns back into: the model string and the options to build the LM with. */
export interface ParsedLMState {
  readonly model: string
  readonly options: LMOptions
}

const ignoredKeys = new Set(['_dspy_lm_class', 'model', 'model_type', 'cache', 'num_retries'])
const unsupportedKeys = new Set(['finetuning_model', 'launch_kwargs', 'train_kwargs', 'use_developer_role', 'callbacks'])
const unsafeKeys = new Set(['api_base', 'base_url', 'model_list'])
const optionByStateName = new Map<string, keyof LMRequestOptions>(requestOptionNames.map((name) => [requestOptionStateNames[name], name]))

/**
 * The saved state of an LM, in DSPy's layout and key order.
 *
 * @see DSPy's `LM.dump_state` (`dspy/clients/lm.py`, `dspy/clients/base_lm.py`).
 */
export function dumpLMState({ model, modelType, cache, numRetries, kwargs, baseURL }: LMStateSource): LMState {
  const state: Record<string, unknown> = {
    _dspy_lm_class: dspyLMClassName,
    model,
    model_type: modelType,
    cache,
    num_retries: numRetries,
    temperature: kwargs.temperature ?? null,
    max_tokens: kwargs.maxTokens ?? null,
  }
  for (const name of requestOptionNames) {
    const value = kwargs[name]
    if (value !== undefined && name !== 'temperature' && name !== 'maxTokens') {
      state[requestOptionStateNames[name]] = withoutSecrets(value)
    }
  }
  if (baseURL !== undefined) state.api_base = baseURL
  state.finetuning_model = null
  state.launch_kwargs = {}
  state.train_kwargs = {}
  return state as LMState
}

/**
 * Reads a saved LM state (DSPy's layout, or a legacy one without `_dspy_lm_class`). Unknown kwargs
 * (`logprobs`...) become `providerOptions` of the model's provider; `max_completion_tokens` becomes
 * `maxTokens`; `api_base`, `base_url` and `model_list` are dropped with a warning unless allowed.
 * Secret-named keys are always dropped.
 *
 * @throws LMStateError when the state is not an object, has no model string, or names an LM class
 *   other than DSPy's `dspy.clients.lm.LM`.
 */
export function parseLMState(state: unknown, { allowUnsafeLMState = false, onWarning }: ParseLMStateOptions = {}): ParsedLMState {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new LMStateError({ message: 'An LM state must be an object (the output of lm.dumpState()).', key: '' })
  }
  const record = state as Record<string, unknown>
  const lmClass = record._dspy_lm_class
  if (lmClass !== undefined && lmClass !== dspyLMClassName) {
    throw new LMStateError({
      message: `Refusing to import custom serialized LM class ${JSON.stringify(lmClass)}; only ${dspyLMClassName} can be loaded.`,
      key: '_dspy_lm_class',
    })
  }
  const model = record.model
  if (typeof model !== 'string' || model === '') {
    throw new LMStateError({ message: 'An LM state needs a "model" string such as "openai/gpt-4o-mini".', key: 'model' })
  }
  const options: Record<string, unknown> = {}
  if (record.model_type !== undefined) options.modelType = record.model_type
  if (typeof record.cache === 'boolean') options.cache = record.cache
  if (typeof record.num_retries === 'number') options.numRetries = record.num_retries
  const extra: Record<string, unknown> = {}
  const dropped: string[] = []
  for (const [key, value] of Object.entries(record)) {
    if (ignoredKeys.has(key) || unsupportedKeys.has(key) || value === null || value === undefined) continue
    if (unsafeKeys.has(key)) {
      if (!allowUnsafeLMState) dropped.push(key)
      else if (key !== 'model_list' && typeof value === 'string') options.baseURL = value
      continue
    }
    if (isSecretOptionName(key)) continue
    const option = key === 'max_completion_tokens' ? 'maxTokens' : optionByStateName.get(key)
    if (option !== undefined) options[option] = value
    else extra[key] = value
  }
  if (Object.keys(extra).length > 0) {
    const provider = model.includes('/') ? model.slice(0, model.indexOf('/')) : model
    const existing = (options.providerOptions ?? {}) as Record<string, Record<string, unknown>>
    options.providerOptions = { ...existing, [provider]: { ...(existing[provider] ?? {}), ...extra } }
  }
  if (dropped.length > 0) {
    emitWarning(onWarning, {
      code: 'unsafe-state-dropped',
      model,
      message: `Dropped ${dropped.join(', ')} from the saved LM state; pass allowUnsafeLMState: true to keep them.`,
    })
  }
  return { model, options: options as LMOptions }
}
