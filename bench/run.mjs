// @ts-check
// `pnpm bench`: runs every *.bench.mjs here in name order, each printing `bench: NAME VALUE UNIT (comparison)` lines.
import { readdirSync } from 'node:fs'

const here = new URL('.', import.meta.url)
const files = readdirSync(here).filter((name) => name.endsWith('.bench.mjs')).sort()
for (const file of files) await import(new URL(file, here).href)
