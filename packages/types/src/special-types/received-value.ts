import { pythonValueRepr } from '../python-value-repr.js'

const maxShownLength = 200

/** True for a plain object (`{...}` or `Object.create(null)`), not an array, class instance or byte array. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** A short name for what a value is, for error messages: `string`, `number`, `array`, `Uint8Array`, `null`. */
export function receivedTypeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return isPlainRecord(value) ? 'object' : (value.constructor?.name ?? 'object')
  return typeof value
}

/** The value as DSPy would print it in an error message (Python `repr`), cut to 200 characters. */
export function receivedValueText(value: unknown): string {
  const text = pythonValueRepr(value)
  return text.length > maxShownLength ? `${text.slice(0, maxShownLength)}...` : text
}
