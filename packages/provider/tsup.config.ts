import { defineConfig } from 'tsup'
import { baseTsupConfig } from '../../tooling/tsup.config.base.mjs'

/** The spec and helpers, plus `@dspex/provider/test-server` for provider packages' tests. */
export default defineConfig({ ...baseTsupConfig, entry: { index: 'src/index.ts', 'test-server': 'src/test-server/index.ts' } })
