import type { UserConfig } from 'vitest/config'

/** Vitest settings shared by every package. */
export declare const baseVitestConfig: UserConfig
