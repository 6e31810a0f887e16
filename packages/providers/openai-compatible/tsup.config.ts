import { defineConfig } from 'tsup'
import { baseTsupConfig } from '../../../tooling/tsup.config.base.mjs'

/** The provider, plus `@dspex/openai-compatible/internal` for `@dspex/openai`. */
export default defineConfig({ ...baseTsupConfig, entry: { index: 'src/index.ts', internal: 'src/internal.ts' } })
