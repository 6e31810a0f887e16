import type { Options } from 'tsup'

/** ESM with declarations and source maps, for Node 20, from `src/index.ts`. */
export declare const baseTsupConfig: Options
