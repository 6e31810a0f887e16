import { isPlainObject } from './plain-object.js'

/**
 * Python's `==` for the values an example holds: arrays element by element, plain objects and
 * Maps by their keys and values (in any order), sets by membership, dates by time, and objects
 * with an `equals` method (examples, signatures) through it. Anything else compares by identity.
 * Numbers compare by value, with `NaN` equal to itself as Python's containers do for the same object.
 */
export function pythonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left === 'number' && typeof right === 'number') return Number.isNaN(left) && Number.isNaN(right)
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => pythonEquals(item, right[index]))
    )
  }
  if (isPlainObject(left) || isPlainObject(right)) {
    if (!isPlainObject(left) || !isPlainObject(right)) return false
    const keys = Object.keys(left)
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && pythonEquals(left[key], right[key]))
  }
  if (left instanceof Map || right instanceof Map) {
    if (!(left instanceof Map) || !(right instanceof Map) || left.size !== right.size) return false
    for (const [key, value] of left) {
      if (!right.has(key) || !pythonEquals(value, right.get(key))) return false
    }
    return true
  }
  if (left instanceof Set || right instanceof Set) {
    if (!(left instanceof Set) || !(right instanceof Set) || left.size !== right.size) return false
    for (const value of left) if (!right.has(value)) return false
    return true
  }
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime()
  const withEquals = left as { equals?: (other: unknown) => unknown }
  return typeof withEquals.equals === 'function' ? withEquals.equals(right) === true : false
}
