import { defineConfig } from 'tsup'
import { baseTsupConfig } from '../../tooling/tsup.config.base.mjs'

/** The primitives, plus `@dspex/primitives/internal` for evaluate and predict. */
export default defineConfig({ ...baseTsupConfig, entry: { index: 'src/index.ts', internal: 'src/internal.ts' } })
