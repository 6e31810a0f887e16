import { defineConfig } from 'vitest/config'
import { baseVitestConfig } from './vitest.config.base.mjs'

export default defineConfig({
  ...baseVitestConfig,
  test: { ...baseVitestConfig.test, include: ['golden/**/*.test.ts', 'smoke/**/*.test.ts', 'scripts/**/*.test.ts'] },
})
