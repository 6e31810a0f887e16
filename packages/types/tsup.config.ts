import { defineConfig } from 'tsup'
import { baseTsupConfig } from '../../tooling/tsup.config.base.mjs'

/** The type core, plus `@dspex/types/internal` for the DSPex packages built on it. */
export default defineConfig({ ...baseTsupConfig, entry: { index: 'src/index.ts', internal: 'src/internal.ts' } })
