import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { workspacePackages } from '../scripts/workspace-packages.mjs'

const packages = workspacePackages().filter(({ manifest }) => manifest.private !== true)
const require = createRequire(import.meta.url)

describe('built packages', () => {
  it('there are packages to check', () => {
    expect(packages.length).toBeGreaterThanOrEqual(2)
  })

  it('are all dependencies of this package, so turbo builds them before these checks run', () => {
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>
      devDependencies?: Record<string, string>
    }
    const declared = new Set(Object.keys({ ...own.dependencies, ...own.devDependencies }))
    expect(packages.map(({ manifest }) => manifest.name).filter((name) => !declared.has(name))).toEqual([])
  })

  for (const { directory, manifest } of packages) {
    describe(manifest.name, () => {
      const entry = manifest.exports?.['.']
      const importPath = join(directory, entry?.import ?? 'missing')
      const typesPath = join(directory, entry?.types ?? 'missing')

      it('declares an ESM-only, side-effect-free package with types first in exports', () => {
        expect(manifest.type).toBe('module')
        expect(manifest.sideEffects).toBe(false)
        // dist first; anything else shipped (a bundled dataset) must exist.
        expect(manifest.files?.[0]).toBe('dist')
        for (const shipped of manifest.files ?? []) expect(existsSync(join(directory, shipped)), `${shipped} is listed in files`).toBe(true)
        expect(Object.keys(entry ?? {})[0]).toBe('types')
        expect(manifest.engines?.node).toBe('>=20.19')
        expect(existsSync(join(directory, 'README.md'))).toBe(true)
      })

      it('has a built dist with declarations', () => {
        expect(existsSync(importPath), `${importPath} is missing: build first`).toBe(true)
        expect(existsSync(typesPath), `${typesPath} is missing`).toBe(true)
        expect(readFileSync(typesPath, 'utf8').length).toBeGreaterThan(0)
      })

      it('loads every subpath export through import', async () => {
        const subpaths = Object.entries(manifest.exports ?? {}).filter(([path]) => path !== '.' && path !== './package.json')
        for (const [path, target] of subpaths) {
          const file = (target as { import?: string }).import
          expect(file, `${path} has an import target`).toBeDefined()
          const loaded = (await import(pathToFileURL(join(directory, file ?? 'missing')).href)) as Record<string, unknown>
          expect(Object.keys(loaded).length, `${path} exports something`).toBeGreaterThan(0)
        }
      })

      it('loads through import and through require, with the same exports', async () => {
        const imported = (await import(pathToFileURL(importPath).href)) as Record<string, unknown>
        const required = require(importPath) as Record<string, unknown>
        expect(Object.keys(imported).length).toBeGreaterThan(0)
        expect(Object.keys(required).sort()).toEqual(Object.keys(imported).sort())
      })
    })
  }
})
