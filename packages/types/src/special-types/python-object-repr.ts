import { pythonScalarRepr } from '../python-repr.js'

/** A value that knows its own Python `repr()` (every DSPex special type value does). */
export interface PythonRepresentable {
  /** The text Python's `repr()` gives for the equivalent DSPy object. */
  repr(): string
}

function isRepresentable(value: object): value is PythonRepresentable {
  return typeof (value as Partial<PythonRepresentable>).repr === 'function'
}

/**
 * Python's `repr()` of a value held by a special type (a tool's argument schemas, history
 * messages, tool calls): like `pythonValueRepr` for JSON-like data (`None`, `True`, `'text'`,
 * `[1, 2]`, `{'key': 'value'}`), but a value with a `repr()` method (a special type value nested
 * inside, e.g. a `ToolCall`) gives its own. Integral numbers print as ints: JavaScript cannot tell `1` from `1.0`.
 */
export function pythonObjectRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return pythonScalarRepr(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'function') return `<function ${value.name === '' ? '<lambda>' : value.name}>`
  if (typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return `[${value.map(pythonObjectRepr).join(', ')}]`
  if (isRepresentable(value)) return value.repr()
  const entries = Object.entries(value).filter(([, item]) => item !== undefined)
  return `{${entries.map(([key, item]) => `${pythonScalarRepr(key)}: ${pythonObjectRepr(item)}`).join(', ')}}`
}
