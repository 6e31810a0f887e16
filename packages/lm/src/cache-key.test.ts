import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { cacheKey, cacheKeyInput } from './cache-key.js'

const messages = [{ role: 'user', content: 'hi' }] as const

describe('cacheKeyInput', () => {
  it('always holds temperature and maxTokens, null when unset, as DSPy does', () => {
    expect(cacheKeyInput({ model: 'openai/gpt-4o-mini', messages, options: {} })).toBe(
      '{"_fn_identifier":"dspex.lm.generate","maxTokens":null,"messages":[{"content":"hi","role":"user"}],"model":"openai/gpt-4o-mini","temperature":null}',
    )
  })

  it('includes every set request option, the rollout id among them', () => {
    const input = cacheKeyInput({
      model: 'openai/gpt-4o-mini',
      messages,
      options: {
        temperature: 0.5,
        n: 2,
        rolloutId: 7,
        responseFormat: { type: 'json' },
        tools: [{ name: 'search', description: 'Search.', parameters: { type: 'object' } }],
      },
    })
    const parsed = JSON.parse(input) as Record<string, unknown>
    expect(parsed).toMatchObject({ temperature: 0.5, n: 2, rolloutId: 7, responseFormat: { type: 'json' } })
    expect(parsed.tools).toHaveLength(1)
  })

  it('removes secret-named keys from provider options at any depth', () => {
    const input = cacheKeyInput({
      model: 'openai/gpt-4o-mini',
      messages,
      options: { providerOptions: { openai: { apiKey: 'sk-SECRET', nested: { Authorization: 'Bearer sk-SECRET', keep: 1 }, logprobs: true } } },
    })
    expect(input).not.toContain('sk-SECRET')
    expect(JSON.parse(input).providerOptions).toEqual({ openai: { nested: { keep: 1 }, logprobs: true } })
  })
})

describe('cacheKey', () => {
  it('is the SHA-256 of the key input', () => {
    const request = { model: 'fake/m', messages, options: { temperature: 1 } }
    expect(cacheKey(request)).toBe(createHash('sha256').update(cacheKeyInput(request)).digest('hex'))
    expect(cacheKey(request)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('differs between rollout ids and between models, and ignores key order', () => {
    const base = { model: 'fake/m', messages, options: { temperature: 1 } }
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, options: { temperature: 1, rolloutId: 1 } }),
      cacheKey({ ...base, options: { temperature: 1, rolloutId: 2 } }),
      cacheKey({ ...base, model: 'fake/other' }),
    ])
    expect(keys.size).toBe(4)
    expect(cacheKey({ model: 'fake/m', messages: [{ content: 'hi', role: 'user' }], options: { temperature: 1 } })).toBe(cacheKey(base))
  })
})
