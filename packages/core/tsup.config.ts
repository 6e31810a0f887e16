import { baseTsupConfig } from '../../tooling/tsup.config.base.mjs'

export default baseTsupConfig
