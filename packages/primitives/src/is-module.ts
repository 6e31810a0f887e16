import type { Module } from './module.js'

/** The marker every {@link Module} carries (on its prototype), so modules are recognised across package copies. */
export const moduleMarker: unique symbol = Symbol.for('dspex.module')

/** True when `value` is a {@link Module} (from this or another copy of the package). */
export function isModule(value: unknown): value is Module<object, unknown> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[moduleMarker] === true
}
