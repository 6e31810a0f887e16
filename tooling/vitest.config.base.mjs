// Shared vitest settings for every DSPex package.
// Each package's vitest.config.ts spreads this and adds nothing package-specific unless it must.
import { defineConfig } from 'vitest/config'

/** Vitest settings shared by every package: co-located tests, typechecked `*.test-d.ts`, JSON report for CI. */
export const baseVitestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // CI runs every package at once on 2 cores: CPU-heavy tests (fuzzers, 5,000 concurrent calls) need room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    onConsoleLog: () => false,
    setupFiles: [new URL('./vitest.fail-on-console.mjs', import.meta.url).pathname],
  },
})
