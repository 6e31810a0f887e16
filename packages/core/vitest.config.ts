import { baseVitestConfig } from '../../tooling/vitest.config.base.mjs'

export default baseVitestConfig
