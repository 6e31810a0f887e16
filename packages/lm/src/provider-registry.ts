import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LanguageModel, ProviderSettings } from '@dspex/provider'
import { LMConfigurationError } from './errors/lm-configuration-error.js'
import { ProviderNotInstalledError } from './errors/provider-not-installed-error.js'

/**
 * What a provider factory receives besides the model id: `@dspex/provider`'s `ProviderSettings` as the LM fills
 * them (`apiKey` and `baseURL` when given, `maxRetries` from the LM's `numRetries`, DSPy's `num_retries`), plus
 * any provider-specific settings from the LM's `providerSettings` option.
 */
export type ProviderFactorySettings = ProviderSettings & { readonly [setting: string]: unknown }

/** Builds the language model for a model id, e.g. `(id, settings) => createOpenAI(settings)(id)`. */
export type ProviderFactory = (modelId: string, settings: ProviderFactorySettings) => LanguageModel | Promise<LanguageModel>

/** Options of {@link resolveLanguageModel}. */
export interface ResolveLanguageModelOptions {
  /** Where to look for `@dspex/<provider>` packages first, before this package's own dependencies. Default `process.cwd()`. */
  readonly resolveFrom?: string
}

/** Provider names that load a package of another name (LiteLLM spellings DSPy programs use). */
const packageAliases: Readonly<Record<string, string>> = { gemini: 'google', ollama_chat: 'ollama' }

const registryKey = Symbol.for('dspex.lm.provider-registry')
const globalSlots = globalThis as Record<symbol, unknown>
globalSlots[registryKey] ??= new Map<string, ProviderFactory>()
const registry = globalSlots[registryKey] as Map<string, ProviderFactory>

/**
 * Makes `"<name>/<model id>"` strings resolve through `factory`, ahead of any installed package.
 * The registry is shared by every copy of this package in the process.
 *
 * @example
 * ```ts
 * import { createOpenAICompatible } from '@dspex/openai-compatible'
 * registerProvider('together', (id, settings) => createOpenAICompatible({ ...settings, baseURL: 'https://api.together.xyz/v1' })(id))
 * const lm = new LM('together/meta-llama/Llama-3-70b')
 * ```
 */
export function registerProvider(name: string, factory: ProviderFactory): void {
  registry.set(name, factory)
}

/** Removes a provider registered with {@link registerProvider}; true when there was one. */
export function unregisterProvider(name: string): boolean {
  return registry.delete(name)
}

/**
 * Splits a model string at its first `/`: `"openai/gpt-4o-mini"` gives `openai` and `gpt-4o-mini`;
 * `"openrouter/anthropic/claude-3.5"` gives `openrouter` and `anthropic/claude-3.5`.
 *
 * @throws LMConfigurationError when either part is empty or the provider name has characters
 *   outside `[a-z0-9_-]`.
 */
export function parseModelString(model: string): { readonly provider: string; readonly modelId: string } {
  const slash = model.indexOf('/')
  const provider = slash < 0 ? '' : model.slice(0, slash)
  const modelId = slash < 0 ? '' : model.slice(slash + 1)
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(provider) || modelId === '') {
    throw new LMConfigurationError({
      message: `Invalid model string ${JSON.stringify(model)}: expected "<provider>/<model id>", e.g. "openai/gpt-4o-mini".`,
      model,
    })
  }
  return { provider, modelId }
}

/** The package a provider name loads by convention: `@dspex/<name>` (`gemini` loads `@dspex/google`). */
export function providerPackageName(provider: string): string {
  return `@dspex/${packageAliases[provider] ?? provider.replace(/_/g, '-')}`
}

/**
 * Turns a model string into a language model: through a registered factory when there is one,
 * otherwise by importing `@dspex/<provider>` and calling its `create<Provider>` export (matched
 * without regard to case or dashes, so `createOpenAI` serves `openai`) with the settings, then the
 * provider it returns with the model id (`provider(id)` or `provider.languageModel(id)`). A name with
 * no package of its own falls back to `@dspex/openai-compatible` when that is installed and serves it:
 * a service it knows (`groq/llama-3.3-70b-versatile`, `deepseek/deepseek-chat`) or any name with a
 * `baseURL` (`vllm/Qwen/Qwen3-8B`), as DSPy's LiteLLM model strings do.
 *
 * @throws ProviderNotInstalledError when no factory is registered and the package is not installed.
 * @throws LMConfigurationError for a malformed model string, a package that fails to load or has
 *   no such export, or a result that is not a version-1 `LanguageModel`.
 */
export async function resolveLanguageModel(
  model: string,
  settings: ProviderFactorySettings = {},
  { resolveFrom = process.cwd() }: ResolveLanguageModelOptions = {},
): Promise<LanguageModel> {
  const { provider, modelId } = parseModelString(model)
  const registered = registry.get(provider)
  const languageModel =
    registered === undefined ? await loadFromPackage(model, provider, modelId, settings, resolveFrom) : await registered(modelId, settings)
  if (!isLanguageModel(languageModel)) {
    throw new LMConfigurationError({
      message: `The provider for ${JSON.stringify(model)} did not return a language model with specificationVersion 'v1' and a generate method.`,
      model,
    })
  }
  return languageModel
}

/** The package that serves any other provider name speaking OpenAI's API: a known service's name, or any name with a `baseURL`. */
const openaiCompatiblePackage = '@dspex/openai-compatible'

async function loadFromPackage(
  model: string,
  provider: string,
  modelId: string,
  settings: ProviderFactorySettings,
  resolveFrom: string,
): Promise<unknown> {
  const packageName = providerPackageName(provider)
  const path = locatePackage(packageName, resolveFrom)
  if (path === undefined) {
    const compatible = await loadOpenAICompatible(model, provider, settings, resolveFrom)
    if (compatible !== undefined) return compatible(modelId)
    throw new ProviderNotInstalledError({
      message:
        `The model ${JSON.stringify(model)} needs the provider package ${packageName}, which is not installed. ` +
        `Install it (pnpm add ${packageName}), register a factory with registerProvider('${provider}', factory), ` +
        `or, for a server speaking OpenAI's API, install ${openaiCompatiblePackage} and pass its baseURL.`,
      provider,
      packageName,
    })
  }
  const exports = await importPackage(model, packageName, path)
  const created = await callCreate(model, packageName, exports, settings)
  if (typeof created === 'function') return created(modelId)
  const factory = (created as { languageModel?: unknown } | null)?.languageModel
  if (typeof factory === 'function') return factory.call(created, modelId)
  throw new LMConfigurationError({
    message: `${packageName}'s create function did not return a provider callable with a model id.`,
    model,
  })
}

/**
 * The `@dspex/openai-compatible` provider for `provider`, when that package is installed and serves
 * the name: a service it knows (`groq`, `deepseek`...) or any name given a `baseURL` (`vllm`).
 */
async function loadOpenAICompatible(
  model: string,
  provider: string,
  settings: ProviderFactorySettings,
  resolveFrom: string,
): Promise<((modelId: string) => unknown) | undefined> {
  const path = locatePackage(openaiCompatiblePackage, resolveFrom)
  if (path === undefined) return undefined
  const exports = await importPackage(model, openaiCompatiblePackage, path)
  const isKnown = exports.isOpenAICompatibleServerName
  if (settings.baseURL === undefined && !(typeof isKnown === 'function' && isKnown(provider) === true)) return undefined
  const created = await callCreate(model, openaiCompatiblePackage, exports, { ...settings, name: provider })
  return typeof created === 'function' ? (modelId) => created(modelId) : undefined
}

async function importPackage(model: string, packageName: string, path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>
  } catch (error) {
    throw new LMConfigurationError({ message: `Loading ${packageName} for ${JSON.stringify(model)} failed.`, model, cause: error })
  }
}

/** Calls the package's `create<Name>` export (matched without regard to case or dashes) with the settings. */
async function callCreate(model: string, packageName: string, exports: Record<string, unknown>, settings: ProviderFactorySettings): Promise<unknown> {
  const wanted = `create${packageName.slice('@dspex/'.length).replace(/-/g, '')}`.toLowerCase()
  const name = Object.keys(exports).find((key) => key.toLowerCase() === wanted)
  const create = name === undefined ? undefined : exports[name]
  if (typeof create !== 'function') {
    throw new LMConfigurationError({
      message: `${packageName} has no create function for ${JSON.stringify(model)} (expected an export named like '${wanted}', any case).`,
      model,
    })
  }
  return create(settings)
}

function locatePackage(packageName: string, resolveFrom: string): string | undefined {
  // The application's own install (resolveFrom) first, then this package's neighbours.
  for (const base of [pathToFileURL(join(resolveFrom, 'package.json')).href, import.meta.url]) {
    try {
      return createRequire(base).resolve(packageName)
    } catch {
      // Not visible from this base; try the next.
    }
  }
  return undefined
}

function isLanguageModel(value: unknown): value is LanguageModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { specificationVersion?: unknown }).specificationVersion === 'v1' &&
    typeof (value as { generate?: unknown }).generate === 'function'
  )
}
