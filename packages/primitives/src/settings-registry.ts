/**
 * Types that packages above primitives register for settings whose values they define, by
 * declaration merging: `@dspex/predict` registers `lm` and `adapter`, so `settings().lm` has the
 * LM's type there. Without a registration the setting is `unknown`.
 *
 * @example
 * ```ts
 * declare module '@dspex/primitives' {
 *   interface SettingsRegistry {
 *     lm: LM
 *   }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in other packages.
export interface SettingsRegistry {}

/** The type registered in {@link SettingsRegistry} under `Key`, or `Fallback` when none is. */
export type RegisteredType<Key extends string, Fallback = unknown> = Key extends keyof SettingsRegistry ? SettingsRegistry[Key] : Fallback
