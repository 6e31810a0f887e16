import { pythonStringRepr } from './python-repr.js'

const maxStringLength = 60

/**
 * A short description of a value for validation messages: `'abc' (string)`, `3.5 (number)`,
 * `true (boolean)`, `null`, `array of 3 items`, `object with keys name, age`.
 */
export function describeReceivedValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') {
    const shown = value.length > maxStringLength ? `${value.slice(0, maxStringLength - 3)}...` : value
    return `${pythonStringRepr(shown)} (string)`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${String(value)} (${typeof value})`
  }
  if (Array.isArray(value)) return `array of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (value instanceof Set) return `set of ${value.size} item${value.size === 1 ? '' : 's'}`
  if (typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 0) return 'empty object'
    const shown = keys.slice(0, 5).join(', ')
    return `object with keys ${shown}${keys.length > 5 ? ', ...' : ''}`
  }
  return typeof value
}
