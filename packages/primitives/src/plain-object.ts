/**
 * True for a plain object (an object literal, `Object.create(null)`, or `JSON.parse` output): the
 * JavaScript counterpart of a Python `dict` when walking program attributes and state.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
