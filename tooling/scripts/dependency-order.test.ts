import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repositoryRoot, workspacePackages } from './workspace-packages.mjs'

/**
 * Which internal packages each package may depend on (DESIGN.md: types <- signatures <- formats,
 * primitives <- predict <- evaluate <- teleprompt; providers on provider and core only). `@dspex/core`, which depends on
 * nothing, is below every package: it holds `DSPexError`, the one root of every DSPex error, which `@dspex/provider`'s
 * `ProviderError` extends, so provider depends on core alone.
 */
const allowed: Record<string, readonly string[]> = {
  '@dspex/core': [],
  '@dspex/types': ['@dspex/core'],
  '@dspex/signatures': ['@dspex/core', '@dspex/types'],
  '@dspex/provider': ['@dspex/core'],
  '@dspex/lm': ['@dspex/core', '@dspex/provider'],
  '@dspex/primitives': ['@dspex/core', '@dspex/types', '@dspex/signatures'],
  '@dspex/formats': ['@dspex/core', '@dspex/types', '@dspex/signatures', '@dspex/provider'],
  '@dspex/predict': ['@dspex/core', '@dspex/types', '@dspex/signatures', '@dspex/primitives', '@dspex/formats', '@dspex/provider', '@dspex/lm'],
  '@dspex/evaluate': [
    '@dspex/core',
    '@dspex/types',
    '@dspex/signatures',
    '@dspex/primitives',
    '@dspex/formats',
    '@dspex/provider',
    '@dspex/lm',
    '@dspex/predict',
  ],
  '@dspex/teleprompt': [
    '@dspex/core',
    '@dspex/types',
    '@dspex/signatures',
    '@dspex/primitives',
    '@dspex/formats',
    '@dspex/provider',
    '@dspex/lm',
    '@dspex/predict',
    '@dspex/evaluate',
  ],
  '@dspex/testing': ['@dspex/core', '@dspex/provider', '@dspex/types', '@dspex/signatures', '@dspex/primitives', '@dspex/formats'],
}
const providerPackages = ['@dspex/openai', '@dspex/anthropic', '@dspex/google', '@dspex/ollama', '@dspex/openai-compatible']

/**
 * `@dspex/openai` is the one provider allowed a third internal dependency (after core and provider), `@dspex/openai-compatible`: the Chat
 * Completions protocol is shared by dozens of servers (vLLM, llama.cpp, LM Studio, Groq, DeepSeek, Mistral, xAI...),
 * so it has one implementation, and OpenAI is one of those servers, adding only its own rules on top.
 */
const providerExceptions: Record<string, readonly string[]> = {
  '@dspex/openai': ['@dspex/core', '@dspex/provider', '@dspex/openai-compatible'],
}

function allowedFor(name: string): readonly string[] | undefined {
  if (name in providerExceptions) return providerExceptions[name]
  if (providerPackages.includes(name)) return ['@dspex/core', '@dspex/provider']
  if (name === 'dspex') return Object.keys(allowed).concat(providerPackages)
  return allowed[name]
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(entry) ? [path] : []
  })
}

/** Tests and their support files (recorded replies, test servers, README examples: all in `src/__fixtures__/`): never shipped, so they may use devDependencies. */
function isTestCode(file: string): boolean {
  return /\.test(-d)?\.ts$/.test(file) || /[\\/]__fixtures__[\\/]/.test(file)
}

/** Folders under `src/` named like test support (`testing/`, `examples/`, `test/`...) but outside `__fixtures__/`. */
function testSupportFolders(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name === '__fixtures__') return []
    const path = join(directory, entry.name)
    return /^(testing|tests?|examples?|fixtures|helpers|mocks?|__tests__|__mocks__)$/.test(entry.name) ? [path] : testSupportFolders(path)
  })
}

describe('dependency order', () => {
  for (const { directory, manifest } of workspacePackages()) {
    it(`${manifest.name} depends only on packages below it`, () => {
      const permitted = allowedFor(manifest.name)
      expect(permitted, `${manifest.name} is not in the dependency table of this test: add it`).toBeDefined()
      const internal = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
        (name) => name.startsWith('@dspex/') || name === 'dspex',
      )
      expect(internal.filter((name) => !permitted?.includes(name))).toEqual([])
    })

    it(`${manifest.name} keeps test helpers in src/__fixtures__/, beside the tests (no src/testing/ or src/examples/)`, () => {
      expect(testSupportFolders(join(directory, 'src')).map((folder) => relative(repositoryRoot, folder))).toEqual([])
    })

    it(`${manifest.name} imports only packages it declares (devDependencies in test code only)`, () => {
      const runtime = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }))
      const development = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {})])
      const undeclared: string[] = []
      for (const file of sourceFiles(join(directory, 'src'))) {
        const declared = isTestCode(file) ? development : runtime
        for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'((?:@[^/']+\/)?[^/'.][^/']*)/gm)) {
          const name = match[1] as string
          if (!name.startsWith('node:') && !declared.has(name)) undeclared.push(`${relative(repositoryRoot, file)}: ${name}`)
        }
      }
      expect(undeclared).toEqual([])
    })
  }
})
