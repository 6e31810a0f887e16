import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const sourceDirectory = new URL('./', import.meta.url)
const sourceFiles = readdirSync(sourceDirectory).filter((name) => name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(name))

describe('the package, shaped like a published third-party provider', () => {
  it('depends on @dspex/provider alone', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>
    expect(manifest.dependencies).toEqual({ '@dspex/provider': 'workspace:^' })
    expect(manifest).toMatchObject({ type: 'module', sideEffects: false, files: ['dist'] })
  })

  it('imports nothing but @dspex/provider and its own files in its source', () => {
    const imported = sourceFiles.flatMap((name) =>
      [...readFileSync(new URL(name, sourceDirectory), 'utf8').matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm)].map(
        (match) => match[1] as string,
      ),
    )
    expect(sourceFiles.sort()).toEqual(['convert-to-echo-prompt.ts', 'echo-error.ts', 'echo-provider.ts', 'index.ts'])
    expect(imported.filter((name) => !name.startsWith('./')).sort()).toEqual(['@dspex/provider', '@dspex/provider', '@dspex/provider'])
  })

  it('keeps the provider under 150 lines of source', () => {
    const lines = sourceFiles.reduce((sum, name) => sum + readFileSync(new URL(name, sourceDirectory), 'utf8').split('\n').length - 1, 0)
    expect(lines).toBeLessThan(150)
  })
})
