import { defineConfig } from 'tsup'
import { baseTsupConfig } from '../../tooling/tsup.config.base.mjs'

/** Signatures, plus `@dspex/signatures/internal` for the golden tests in tooling/. */
export default defineConfig({ ...baseTsupConfig, entry: { index: 'src/index.ts', internal: 'src/internal.ts' } })
