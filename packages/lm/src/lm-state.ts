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
 * Secret-named keys are always dropped. Every setting DSPex knows is checked as the LM's options are, and a
 * `null` one counts as unset: `temperature: "hot"`, `num_retries: "x"` or `cache: 42` is an error naming the key,
 * never a value sent to the provider or a default put in its place.
 *
 * @throws LMStateError when the state is not an object, has no model string, names an LM class
 *   other than DSPy's `dspy.clients.lm.LM`, or holds a setting of the wrong type (its `key` names it).
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
  for (const [key, value] of Object.entries(record)) {
    const setting = lmSettingRules.get(key)
    if (setting !== undefined && value !== null && value !== undefined) options[setting.option] = readSetting(key, setting.rule, value)
  }
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
    if (option !== undefined) options[option] = readSetting(key, requestOptionRules[option], value)
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

/** What a saved setting must be (`a number`), and its value as the LM takes it, or {@link invalidSetting}. */
interface SettingRule {
  readonly expected: string
  readonly read: (value: unknown) => unknown
}

const invalidSetting = Symbol('invalid setting')

const rule = (expected: string, accepts: (value: unknown) => boolean): SettingRule => ({
  expected,
  read: (value) => (accepts(value) ? value : invalidSetting),
})
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isWholeNumber = (value: unknown, least: number): boolean => isFiniteNumber(value) && Number.isInteger(value) && value >= least

const numberRule = rule('a number', isFiniteNumber)
const requestOptionRules: { readonly [Name in keyof LMRequestOptions]-?: SettingRule } = {
  temperature: numberRule,
  maxTokens: rule('a whole number of 1 or more', (value) => isWholeNumber(value, 1)),
  topP: numberRule,
  // DSPy passes `stop` to LiteLLM, which takes one string or a list.
  stop: {
    expected: 'a string or a list of strings',
    read: (value) =>
      typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : invalidSetting,
  },
  seed: rule('a whole number', (value) => isWholeNumber(value, Number.MIN_SAFE_INTEGER)),
  n: rule('a whole number of 1 or more', (value) => isWholeNumber(value, 1)),
  reasoningEffort: rule("'minimal', 'low', 'medium' or 'high'", (value) => ['minimal', 'low', 'medium', 'high'].includes(value as string)),
  responseFormat: rule('an object with a string type', (value) => isRecord(value) && typeof value.type === 'string'),
  tools: rule('a list of objects', (value) => Array.isArray(value) && value.every(isRecord)),
  toolChoice: rule("'auto', 'none', 'required' or an object with a string name", (value) =>
    isRecord(value) ? typeof value.name === 'string' : ['auto', 'none', 'required'].includes(value as string),
  ),
  parallelToolCalls: rule('true or false', (value) => typeof value === 'boolean'),
  providerOptions: rule('an object of objects, one per provider', (value) => isRecord(value) && Object.values(value).every(isRecord)),
  rolloutId: rule('a string or a number', (value) => typeof value === 'string' || isFiniteNumber(value)),
}

/** The LM's own settings in saved state (DSPy's `model_type`, `cache`, `num_retries`), with the option each sets. */
const lmSettingRules = new Map<string, { readonly option: keyof LMOptions; readonly rule: SettingRule }>([
  ['model_type', { option: 'modelType', rule: rule("'chat' (DSPex LMs are chat models)", (value) => value === 'chat') }],
  ['cache', { option: 'cache', rule: rule('true or false', (value) => typeof value === 'boolean') }],
  ['num_retries', { option: 'numRetries', rule: rule('a whole number of 0 or more', (value) => isWholeNumber(value, 0)) }],
])

/** `value` as the LM takes it, or an {@link LMStateError} naming `key` when it is not what `rule` expects. */
function readSetting(key: string, setting: SettingRule, value: unknown): unknown {
  const read = setting.read(value)
  if (read !== invalidSetting) return read
  throw new LMStateError({ message: `Invalid saved LM state at ${key}: expected ${setting.expected}, got ${describeValue(value)}.`, key })
}

/** A value named in a sentence: `the string "hot"`, `the number 42`, `an object`. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`
  if (typeof value === 'object' && value !== null) return 'an object'
  return `the ${typeof value} ${String(value)}`
}
