import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cycleThrough, importGraph, stronglyConnectedComponents, typeScriptFiles, valueImportSpecifiers } from './import-cycles.mjs'
import { repositoryRoot, workspacePackages } from './workspace-packages.mjs'

describe('valueImportSpecifiers', () => {
  it('finds value imports, re-exports, side-effect imports and dynamic imports, relative ones only', () => {
    const source = [
      "import { a } from './a.js'",
      "import b from '../b.js'",
      "import * as c from './c.js'",
      "import './d.js'",
      "export { e } from './e.js'",
      "export * from './f.js'",
      "export * as g from './g.js'",
      "import { Type } from 'typebox'",
      'async function later() {',
      "  return import('./h.js')",
      '}',
    ].join('\n')
    expect(valueImportSpecifiers(source)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js', './h.js'])
  })

  it('leaves out type-only statements, but not a statement with one value specifier among type ones', () => {
    const source = [
      "import type { A } from './a.js'",
      "import { type B, type C } from './b.js'",
      "export type { D } from './d.js'",
      "export { type E } from './e.js'",
      "type F = typeof import('./f.js')",
      "import { type G, g } from './g.js'",
      "import H, { type I } from './h.js'",
      "// import { j } from './j.js'",
      'const text = "import { k } from \'./k.js\'"',
    ].join('\n')
    expect(valueImportSpecifiers(source)).toEqual(['./g.js', './h.js'])
  })
})

describe('importGraph', () => {
  it('resolves ./x.js to x.ts and ./folder/index.js, and finds a cycle hidden behind a dynamic import', () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-cycles-'))
    try {
      mkdirSync(join(folder, 'errors'))
      writeFileSync(join(folder, 'chat.ts'), "import { a } from './errors/index.js'\nexport async function f() { return import('./json.js') }\n")
      writeFileSync(join(folder, 'json.ts'), "import { f } from './chat.js'\nimport type { T } from './types.js'\n")
      writeFileSync(join(folder, 'types.ts'), "import { f } from './json.js'\nexport type T = 1\n")
      writeFileSync(join(folder, 'errors', 'index.ts'), "import data from '../data.json'\nexport const a = 1\n")
      const files = typeScriptFiles(folder)
      const graph = importGraph(files)
      expect(graph.get(join(folder, 'chat.ts'))).toEqual([join(folder, 'errors', 'index.ts'), join(folder, 'json.ts')])
      expect(graph.get(join(folder, 'errors', 'index.ts'))).toEqual([])
      expect(stronglyConnectedComponents(graph).map((component) => [...component].sort())).toEqual([
        [join(folder, 'chat.ts'), join(folder, 'json.ts')],
      ])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('stronglyConnectedComponents', () => {
  it('finds each cycle of a small graph, a self-import included, and nothing in an acyclic part', () => {
    const graph = new Map([
      ['index', ['a', 'd']],
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['e']],
      ['e', []],
      ['f', ['f']],
      ['g', ['h']],
      ['h', ['g', 'e']],
    ])
    const components = stronglyConnectedComponents(graph).map((component) => [...component].sort())
    expect(components.sort()).toEqual([['a', 'b', 'c'], ['f'], ['g', 'h']])
    expect(cycleThrough(graph, ['b', 'a', 'c'])).toEqual(['b', 'c', 'a', 'b'])
    expect(cycleThrough(graph, ['f'])).toEqual(['f', 'f'])
  })

  it('finds nothing in a graph without cycles, and walks a long chain without recursion', () => {
    expect(
      stronglyConnectedComponents(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([])
    const chain = new Map(Array.from({ length: 100_000 }, (_, i) => [i, i + 1 < 100_000 ? [i + 1] : [0]] as const))
    expect(stronglyConnectedComponents(chain)[0]).toHaveLength(100_000)
  })
})

/** Each cycle among `files` as `a.ts -> b.ts -> a.ts`, paths from the repository root. */
function cyclesAmong(files: readonly string[]): string[] {
  const graph = importGraph(files)
  return stronglyConnectedComponents(graph).map((component) =>
    cycleThrough(graph, component)
      .map((file) => relative(repositoryRoot, file))
      .join(' -> '),
  )
}

describe('no import cycles between files (DESIGN.md: a cycle is a design bug, move the shared piece down)', () => {
  for (const { directory, manifest } of workspacePackages()) {
    it(`${manifest.name} has no value import cycle in src/`, () => {
      expect(cyclesAmong(typeScriptFiles(join(directory, 'src'))), 'move the shared piece down to its own file, or pass the dependency in').toEqual(
        [],
      )
    })
  }

  it('the examples, apps and integration tests have none either', () => {
    const files = ['examples', 'apps', 'tests'].flatMap((folder) => typeScriptFiles(join(repositoryRoot, folder)))
    expect(cyclesAmong(files)).toEqual([])
  })
})
