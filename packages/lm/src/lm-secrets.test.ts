import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import type { Message } from '@dspex/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { cacheKey, cacheKeyInput } from './cache-key.js'
import type { CachedResult, CacheStore } from './cache-store.js'
import { DiskCacheStore } from './disk-cache-store.js'
import { inspectHistory } from './inspect-history.js'
import { LM } from './lm.js'
import { clearGlobalHistory, getGlobalHistory } from './lm-history.js'
import { mergeRequestOptions } from './lm-request-options.js'
import { type ProviderFactorySettings, registerProvider, unregisterProvider } from './provider-registry.js'

const secret = 'sk-SECRET-0123456789'
const messages: Message[] = [{ role: 'user', content: 'What is 2 + 2?' }]

async function readTree(directory: string): Promise<string> {
  let text = ''
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += await readFile(join(entry.parentPath, entry.name), 'utf8')
  }
  return text
}

describe('secrets never leave the provider', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-secrets-'))
    clearGlobalHistory()
  })
  afterEach(async () => {
    unregisterProvider('secretive')
    await rm(directory, { recursive: true, force: true })
  })

  it('keeps the API key out of cache keys, cache files, history, inspectHistory and dumpState', async () => {
    const settingsSeen: ProviderFactorySettings[] = []
    const model = createFakeLanguageModel({ provider: 'secretive', modelId: 'm', apiKey: secret })
    registerProvider('secretive', (_modelId, settings) => {
      settingsSeen.push(settings)
      return model
    })
    const keys: string[] = []
    const disk = new DiskCacheStore({ directory })
    const recording: CacheStore = {
      get: (key) => disk.get(key),
      set: (key: string, value: CachedResult) => {
        keys.push(key)
        return disk.set(key, value)
      },
      delete: (key) => disk.delete(key),
    }
    const secretOptions = { providerOptions: { secretive: { apiKey: secret, api_key: secret, seedMode: 'fixed' } } }
    const lm = new LM('secretive/m', {
      apiKey: secret,
      providerSettings: { clientSecret: secret },
      headers: { Authorization: `Bearer ${secret}` },
      temperature: 0.3,
      ...secretOptions,
      responseCache: new Cache({ store: recording }),
    })
    const callOptions = { headers: { 'x-api-key': secret }, rolloutId: 1 }
    await lm.call(messages, callOptions)
    await lm.call(messages, callOptions)
    await lm.copy({ maxTokens: 20 }).call('second question')

    // The provider did get the secrets, so the checks below are not vacuous.
    expect(settingsSeen[0]).toMatchObject({ apiKey: secret, clientSecret: secret })
    expect(model.requests[0]?.headers).toEqual({ Authorization: `Bearer ${secret}`, 'x-api-key': secret })
    expect(model.requests[0]?.providerOptions).toEqual(secretOptions.providerOptions)

    const keyInput = cacheKeyInput({ model: lm.model, messages, options: mergeRequestOptions(lm.kwargs, callOptions) })
    expect(keys[0]).toBe(cacheKey({ model: lm.model, messages, options: mergeRequestOptions(lm.kwargs, callOptions) }))
    expect(keys).toHaveLength(2)
    expect(keyInput).toContain('seedMode')
    const scanned = {
      keyInput,
      files: await readTree(directory),
      history: JSON.stringify(lm.history),
      globalHistory: JSON.stringify(getGlobalHistory()),
      inspected: inspectHistory(10),
      lmInspected: lm.inspectHistory(10),
      state: JSON.stringify(lm.dumpState()),
      // apiKey, headers and provider settings are private; providerOptions are the user's own kwargs.
      util: inspect(lm.copy({ providerOptions: undefined }), { depth: 20 }),
    }
    expect(scanned.files).toContain('answer 1.1')
    expect(getGlobalHistory()).toHaveLength(3)
    for (const [where, text] of Object.entries(scanned)) {
      expect({ where, leaked: text.includes('SECRET') }).toEqual({ where, leaked: false })
    }
  })

  it("keeps a tool's schema whole in the history, even a property named like a secret", async () => {
    const lm = new LM(createFakeLanguageModel({ provider: 'plain', modelId: 'm' }), { cache: false })
    const tools = [{ name: 'login', description: 'Log in', parameters: { type: 'object', properties: { password: { type: 'string' } } } }]
    await lm.call(messages, { tools })
    expect(lm.history[0]?.kwargs.tools).toEqual(tools)
  })
})
