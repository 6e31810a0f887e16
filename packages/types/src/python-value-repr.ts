import { pythonScalarRepr, pythonStringRepr } from './python-repr.js'

/**
 * Python's `repr()` of a JSON-like value as Python would hold it: `None`, `True`, ints and floats
 * as Python prints them, quoted strings, `[1, 'a']` for arrays and `{'k': 1}` for objects.
 * Integral numbers print as ints (JavaScript cannot tell `1` from `1.0`).
 */
export function pythonValueRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return pythonScalarRepr(value)
  }
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return `[${value.map(pythonValueRepr).join(', ')}]`
  if (value instanceof Set) return value.size === 0 ? 'set()' : `{${[...value].map(pythonValueRepr).join(', ')}}`
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${pythonStringRepr(key)}: ${pythonValueRepr(item)}`)
    return `{${entries.join(', ')}}`
  }
  return String(value)
}

/** Python's `str()` of a JSON-like value: a string as it is, anything else as {@link pythonValueRepr}. */
export function pythonValueStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonValueRepr(value)
}
