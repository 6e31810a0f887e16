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
    expect(() => LM.fromState({ model: 'openai/gpt-4o', model_type: 'responses' })).toThrow(LMConfigurationError)
  })
})
