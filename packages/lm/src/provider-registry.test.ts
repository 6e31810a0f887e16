import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LanguageModel } from '@dspex/provider'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { Cache } from './cache.js'
import { LMConfigurationError } from './errors/lm-configuration-error.js'
import { ProviderNotInstalledError } from './errors/provider-not-installed-error.js'
import { LM } from './lm.js'
import {
  type ProviderFactorySettings,
  parseModelString,
  providerPackageName,
  registerProvider,
  resolveLanguageModel,
  unregisterProvider,
} from './provider-registry.js'

afterEach(() => {
  unregisterProvider('registered')
})

describe('parseModelString and providerPackageName', () => {
  it('splits at the first slash', () => {
    expect(parseModelString('openai/gpt-4o-mini')).toEqual({ provider: 'openai', modelId: 'gpt-4o-mini' })
    expect(parseModelString('openrouter/anthropic/claude-3.5')).toEqual({ provider: 'openrouter', modelId: 'anthropic/claude-3.5' })
    for (const bad of ['gpt-4o', '/gpt', 'openai/', 'Open AI/x']) expect(() => parseModelString(bad)).toThrow(LMConfigurationError)
  })

  it('names the package by convention, with LiteLLM aliases', () => {
    expect(providerPackageName('openai')).toBe('@dspex/openai')
    expect(providerPackageName('openai-compatible')).toBe('@dspex/openai-compatible')
    expect(providerPackageName('gemini')).toBe('@dspex/google')
    expect(providerPackageName('ollama_chat')).toBe('@dspex/ollama')
  })
})

describe('registerProvider', () => {
  it('builds the model through the factory with the settings, lazily on the first call', async () => {
    const seen: { modelId: string; settings: ProviderFactorySettings }[] = []
    const model = createFakeLanguageModel({ provider: 'registered', modelId: 'm1' })
    registerProvider('registered', (modelId, settings) => {
      seen.push({ modelId, settings })
      return model
    })
    const lm = new LM('registered/m1', {
      apiKey: 'sk-test',
      baseURL: 'https://example.test/v1',
      numRetries: 5,
      providerSettings: { organization: 'org' },
      responseCache: new Cache(),
    })
    expect(seen).toHaveLength(0)
    await lm.call('hi')
    await lm.copy({ temperature: 1 }).call('hi')
    expect(seen).toEqual([{ modelId: 'm1', settings: { organization: 'org', apiKey: 'sk-test', baseURL: 'https://example.test/v1', maxRetries: 5 } }])
    await lm.copy({ apiKey: 'sk-other' }).getLanguageModel()
    expect(seen[1]?.settings.apiKey).toBe('sk-other')
  })

  it('rejects a factory result that is not a language model', async () => {
    registerProvider('registered', () => ({ generate: 'no' }) as unknown as LanguageModel)
    await expect(resolveLanguageModel('registered/x')).rejects.toThrow(/specificationVersion 'v1'/)
  })

  it('retries resolution after a failure', async () => {
    const lm = new LM('registered/m', { responseCache: new Cache() })
    await expect(lm.getLanguageModel()).rejects.toBeInstanceOf(ProviderNotInstalledError)
    registerProvider('registered', () => createFakeLanguageModel())
    await expect(lm.getLanguageModel()).resolves.toMatchObject({ specificationVersion: 'v1' })
  })
})

describe('provider packages', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dspex-providers-'))
    const write = async (name: string, source: string): Promise<void> => {
      const directory = join(root, 'node_modules', '@dspex', name)
      await mkdir(directory, { recursive: true })
      await writeFile(
        join(directory, 'package.json'),
        JSON.stringify({ name: `@dspex/${name}`, type: 'module', exports: { '.': { default: './index.js' } } }),
      )
      await writeFile(join(directory, 'index.js'), source)
    }
    const model = `{ specificationVersion: 'v1', provider: 'p', modelId, capabilities: {}, settings,
      async generate() { return { choices: [{ text: 'from package', finishReason: 'stop' }] } }, async *stream() {} }`
    await write('zzcallable', `export function createZZCallable(settings) { return (modelId) => (${model}) }`)
    await write('zz-object', `export const createZzObject = (settings) => ({ languageModel(modelId) { return ${model} } })`)
    await write('zzbroken', `export const somethingElse = 1`)
    await write('zzthrows', `throw new Error('boom at import')`)
    await write(
      'openai-compatible',
      `export const isOpenAICompatibleServerName = (name) => name === 'zzknown'
      export function createOpenAICompatible(settings) { return (modelId) => (${model}) }`,
    )
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('imports @dspex/<provider> and calls its create<Provider> export, callable or with languageModel()', async () => {
    const callable = await resolveLanguageModel('zzcallable/m1', { apiKey: 'k' }, { resolveFrom: root })
    expect(callable).toMatchObject({ modelId: 'm1', settings: { apiKey: 'k' } })
    const object = await resolveLanguageModel('zz-object/m2', {}, { resolveFrom: root })
    expect(object.modelId).toBe('m2')
    const result = await object.generate({ messages: [] })
    expect(result.choices[0]?.text).toBe('from package')
  })

  it('throws ProviderNotInstalledError naming the package to install', async () => {
    const failure = await resolveLanguageModel('zzmissing/m', {}, { resolveFrom: root }).catch((error: unknown) => error)
    expect(ProviderNotInstalledError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'provider-not-installed', provider: 'zzmissing', packageName: '@dspex/zzmissing' })
    expect((failure as Error).message).toContain('pnpm add @dspex/zzmissing')
  })

  it('falls back to @dspex/openai-compatible for a service it knows, or any name given a baseURL', async () => {
    const known = await resolveLanguageModel('zzknown/llama', { apiKey: 'k' }, { resolveFrom: root })
    expect(known).toMatchObject({ modelId: 'llama', settings: { apiKey: 'k', name: 'zzknown' } })
    const local = await resolveLanguageModel('zzvllm/Qwen/Qwen3-8B', { baseURL: 'http://127.0.0.1:8000/v1' }, { resolveFrom: root })
    expect(local).toMatchObject({ modelId: 'Qwen/Qwen3-8B', settings: { name: 'zzvllm', baseURL: 'http://127.0.0.1:8000/v1' } })
    const unknown = await resolveLanguageModel('zzmissing/m', {}, { resolveFrom: root }).catch((error: unknown) => error)
    expect((unknown as Error).message).toContain('install @dspex/openai-compatible and pass its baseURL')
  })

  it('explains a package without the create export or one that fails to load', async () => {
    await expect(resolveLanguageModel('zzbroken/m', {}, { resolveFrom: root })).rejects.toThrow(/expected an export named like 'createzzbroken'/)
    const failure = await resolveLanguageModel('zzthrows/m', {}, { resolveFrom: root }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(LMConfigurationError)
    expect((failure as Error).cause).toMatchObject({ message: 'boom at import' })
  })
})
