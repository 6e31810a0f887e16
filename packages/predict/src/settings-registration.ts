import type { Adapter } from '@dspex/formats'
import type { LM } from '@dspex/lm'

declare module '@dspex/primitives' {
  /** `@dspex/predict` gives the `lm` and `adapter` settings their types. */
  interface SettingsRegistry {
    lm: LM
    adapter: Adapter
  }
}
