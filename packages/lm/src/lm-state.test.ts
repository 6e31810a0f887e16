import { describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { LMConfigurationError } from './errors/lm-configuration-error.js'
import { LMStateError } from './errors/lm-state-error.js'
import { LM } from './lm.js'
import type { LMState } from './lm-state.js'
import type { LMWarning } from './lm-warning.js'

describe('LM.dumpState', () => {
  it('writes DSPy’s layout in DSPy’s key order, without the API key', () => {
    const lm = new LM('openai/gpt-4o-mini', { temperature: 0.3, maxTokens: 100, apiKey: 'SECRET' })
    // The `lm` object of the generated example in the DSPy reference (§3.2).
    const dspy = {
      _dspy_lm_class: 'dspy.clients.lm.LM',
      model: 'openai/gpt-4o-mini',
      model_type: 'chat',
      cache: true,
      num_retries: 3,
      temperature: 0.3,
      max_tokens: 100,
      finetuning_model: null,
      launch_kwargs: {},
      train_kwargs: {},
    }
    expect(JSON.stringify(lm.dumpState())).toBe(JSON.stringify(dspy))
  })

  it('keeps temperature and max_tokens as null when unset and writes other kwargs in snake case', () => {
    const state = new LM('openai/gpt-4o-mini', {
      cache: false,
      numRetries: 1,
      topP: 0.9,
      n: 2,
      rolloutId: 4,
      baseURL: 'http://localhost:8000/v1',
      reasoningEffort: 'low',
      providerOptions: { openai: { logprobs: true, apiKey: 'SECRET' } },
      headers: { Authorization: 'Bearer SECRET' },
    }).dumpState()
    expect(state).toEqual({
      _dspy_lm_class: 'dspy.clients.lm.LM',
      model: 'openai/gpt-4o-mini',
      model_type: 'chat',
      cache: false,
      num_retries: 1,
      temperature: null,
      max_tokens: null,
      top_p: 0.9,
      n: 2,
      reasoning_effort: 'low',
      provider_options: { openai: { logprobs: true } },
      rollout_id: 4,
      api_base: 'http://localhost:8000/v1',
      finetuning_model: null,
      launch_kwargs: {},
      train_kwargs: {},
    })
  })
})

describe('LM.fromState', () => {
  it('round-trips dumpState', () => {
    const lm = new LM('openai/gpt-4o-mini', {
      temperature: 0.7,
      maxTokens: 300,
      stop: ['\n\n'],
      seed: 1,
      responseFormat: { type: 'json' },
      providerOptions: { openai: { logprobs: true } },
      rolloutId: 'a',
      cache: false,
      numRetries: 8,
    })
    const restored = LM.fromState(lm.dumpState())
    expect(restored.dumpState()).toEqual(lm.dumpState())
    expect(restored.kwargs).toEqual(lm.kwargs)
    expect([restored.cache, restored.numRetries]).toEqual([false, 8])
  })

  it('reads a state DSPy saved: unknown kwargs become provider options, max_completion_tokens becomes maxTokens', () => {
    const warnings: LMWarning[] = []
    const state: LMState = {
      _dspy_lm_class: 'dspy.clients.lm.LM',
      model: 'openai/gpt-5',
      model_type: 'chat',
      cache: true,
      num_retries: 3,
      temperature: 1.0,
      max_completion_tokens: 16000,
      logprobs: true,
      api_key: 'SECRET',
      api_base: 'https://evil.example/v1',
      finetuning_model: null,
      launch_kwargs: {},
      train_kwargs: {},
    }
    const lm = LM.fromState(state, { onWarning: (warning) => warnings.push(warning) })
    expect(lm.kwargs).toEqual({ temperature: 1, maxTokens: 16000, providerOptions: { openai: { logprobs: true } } })
    expect(warnings).toMatchObject([{ code: 'unsafe-state-dropped', model: 'openai/gpt-5' }])
    expect(lm.dumpState()).not.toHaveProperty('api_base')
    expect(JSON.stringify(lm.dumpState())).not.toContain('SECRET')
    const unsafe = LM.fromState(state, { allowUnsafeLMState: true })
    expect(unsafe.dumpState().api_base).toBe('https://evil.example/v1')
  })

  it('accepts a legacy state without a class and builds on a given model object with runtime options', async () => {
    const model = createFakeLanguageModel()
    const lm = LM.fromState({ model: 'fake/fake-model', temperature: 0.5 }, { languageModel: model, responseCache: new Cache(), maxHistorySize: 1 })
    expect(lm.kwargs).toEqual({ temperature: 0.5 })
    await lm.call('hi')
    expect(model.requests[0]?.temperature).toBe(0.5)
  })

  it('refuses custom classes, states without a model and non-chat model types', () => {
    expect(() => LM.fromState({ _dspy_lm_class: 'my.module.MyLM', model: 'openai/x' })).toThrow(/Refusing to import custom serialized LM class/)
    const failure = (() => {
      try {
        LM.fromState({ model: '' })
      } catch (error) {
        return error
      }
    })()
    expect(LMStateError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'lm-state', key: 'model' })
    expect(() => LM.fromState(null as unknown as LMState)).toThrow(LMStateError)
    expect(() => LM.fromState({ model: 'openai/gpt-4o', model_type: 'responses' })).toThrow(
      expect.objectContaining({ code: 'lm-state', key: 'model_type' }),
    )
  })
})

describe('LM.fromState checks every setting it knows', () => {
  const stateError = (state: LMState): LMStateError => {
    try {
      LM.fromState(state)
    } catch (error) {
      if (LMStateError.isInstance(error)) return error
      throw error
    }
    throw new Error('the state loaded')
  }

  it.each([
    ['temperature', 'hot', 'expected a number, got the string "hot"'],
    ['max_tokens', 'many', 'expected a whole number of 1 or more, got the string "many"'],
    ['max_tokens', 0, 'expected a whole number of 1 or more, got the number 0'],
    ['max_completion_tokens', 2.5, 'expected a whole number of 1 or more, got the number 2.5'],
    ['num_retries', 'x', 'expected a whole number of 0 or more, got the string "x"'],
    ['num_retries', -1, 'expected a whole number of 0 or more, got the number -1'],
    ['cache', 42, 'expected true or false, got the number 42'],
    ['model_type', 'text', 'expected \'chat\' (DSPex LMs are chat models), got the string "text"'],
    ['top_p', [0.9], 'expected a number, got a list'],
    ['stop', ['\n', 3], 'expected a string or a list of strings, got a list'],
    ['seed', 1.5, 'expected a whole number, got the number 1.5'],
    ['n', '3', 'expected a whole number of 1 or more, got the string "3"'],
    ['reasoning_effort', 'max', "expected 'minimal', 'low', 'medium' or 'high', got the string \"max\""],
    ['response_format', 'json', 'expected an object with a string type, got the string "json"'],
    ['tools', { name: 'search' }, 'expected a list of objects, got an object'],
    ['tool_choice', 'always', "expected 'auto', 'none', 'required' or an object with a string name, got the string \"always\""],
    ['parallel_tool_calls', 'yes', 'expected true or false, got the string "yes"'],
    ['provider_options', { openai: true }, 'expected an object of objects, one per provider, got an object'],
    ['rollout_id', true, 'expected a string or a number, got the boolean true'],
  ] as const)('refuses %s: %j, naming the key', (key, value, reason) => {
    const failure = stateError({ model: 'openai/gpt-4o-mini', [key]: value })
    expect(failure).toMatchObject({ code: 'lm-state', key })
    expect(failure.message).toBe(`Invalid saved LM state at ${key}: ${reason}.`)
  })

  it('takes null as unset, a stop string as a list, and valid values as they are', () => {
    const lm = LM.fromState({
      model: 'openai/gpt-4o-mini',
      model_type: 'chat',
      cache: null,
      num_retries: null,
      temperature: null,
      max_tokens: null,
      stop: '\n\n',
      seed: -7,
      top_p: 0.5,
      tool_choice: { name: 'search' },
      rollout_id: 2,
    } as unknown as LMState)
    expect([lm.cache, lm.numRetries]).toEqual([true, 3])
    expect(lm.kwargs).toEqual({ stop: ['\n\n'], seed: -7, topP: 0.5, toolChoice: { name: 'search' }, rolloutId: 2 })
  })

  it('still leaves kwargs DSPex does not know to the provider, unchecked', () => {
    const lm = LM.fromState({ model: 'openai/gpt-4o-mini', logprobs: 'yes please' })
    expect(lm.kwargs.providerOptions).toEqual({ openai: { logprobs: 'yes please' } })
  })

  it("reports a reasoning model's temperature as a configuration error", () => {
    expect(() => LM.fromState({ model: 'openai/o3-mini', temperature: 0.3, max_tokens: 100 })).toThrow(LMConfigurationError)
  })
})
