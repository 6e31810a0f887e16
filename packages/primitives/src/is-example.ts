import type { Example } from './example.js'

/** The marker every {@link Example} carries (on its prototype), so examples are recognised across package copies. */
export const exampleMarker: unique symbol = Symbol.for('dspex.example')

/** True when `value` is an {@link Example} (or a {@link Prediction}), from this or another copy of the package. */
export function isExample(value: unknown): value is Example<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[exampleMarker] === true
}
