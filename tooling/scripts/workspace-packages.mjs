// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Every package under `packages/` and `packages/providers/`, with its folder and manifest.
 * @returns {{ directory: string, manifest: Record<string, any> }[]}
 */
export function workspacePackages() {
  const roots = [join(repositoryRoot, 'packages'), join(repositoryRoot, 'packages', 'providers')]
  const found = []
  for (const root of roots) {
    if (!existsSync(root)) continue
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      const manifestPath = join(root, entry.name, 'package.json')
      if (entry.isDirectory() && existsSync(manifestPath)) {
        found.push({ directory: join(root, entry.name), manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) })
      }
    }
  }
  return found
}
