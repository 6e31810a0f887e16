import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configure, defaultSettings } from '@dspex/primitives'
import { afterEach, describe, expect, it } from 'vitest'
import { compileWithBootstrap } from './__fixtures__/compile-with-bootstrap.js'

afterEach(() => configure(defaultSettings()))

describe('the README example', () => {
  it('is printed in the README exactly as it is tested', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const source = readFileSync(new URL('./__fixtures__/compile-with-bootstrap.ts', import.meta.url), 'utf8')
    const block = readme.split('<!-- example: src/__fixtures__/compile-with-bootstrap.ts -->\n```ts\n')[1]?.split('\n```\n')[0]
    expect(`${block}\n`).toBe(source.replace("from '../index.js'", "from '@dspex/teleprompt'"))
  })

  it('compiles, scores higher after than before, and saves the program', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dspex-readme-'))
    try {
      expect(await compileWithBootstrap(directory)).toEqual({ before: 0, after: 50, demos: 4 })
      const saved = JSON.parse(await readFile(join(directory, 'qa-program.json'), 'utf8'))
      expect(saved.predict.demos).toHaveLength(4)
      expect(saved.predict.demos[0]).toMatchObject({ augmented: true })
      expect(saved.metadata.dependency_versions).toBeDefined()
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })
})
