// Shared tsup settings for every DSPex package: each package's tsup.config.ts exports this.
import { defineConfig } from 'tsup'

/** ESM with declarations and source maps, for Node 20, from `src/index.ts`. */
export const baseTsupConfig = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
})
