import { maxNestingDepth } from '@dspex/types/internal'

/**
 * A copy of a demo's plain data (arrays and plain objects copied, anything else kept by
 * reference: strings, numbers, and special-type values, which are immutable); `undefined` when
 * the data refers to itself or nests more than 1,000 levels deep, so it cannot be snapshotted (and
 * formatting it fails anyway). {@link matchesSnapshot} then only recurses as deep as a snapshot goes.
 */
export function snapshotData(value: unknown): { readonly data: unknown } | undefined {
  try {
    return { data: copyData(value, new Set()) }
  } catch (error) {
    if (error === cycle) return undefined
    throw error
  }
}

/** Thrown inside {@link copyData} for data that refers to itself or nests too deep. */
const cycle = Symbol('cycle')

function copyData(value: unknown, open: Set<object>): unknown {
  if (!Array.isArray(value) && !isPlainObject(value)) return value
  if (open.has(value) || open.size >= maxNestingDepth) throw cycle
  open.add(value)
  let copy: unknown
  if (Array.isArray(value)) copy = value.map((item) => copyData(item, open))
  else {
    const record: Record<string, unknown> = {}
    for (const key of Object.keys(value)) record[key] = copyData(value[key], open)
    copy = record
  }
  open.delete(value)
  return copy
}

/**
 * True when `value` still holds the data `snapshot` was taken from: the same plain structure and
 * the same leaves (`Object.is`, so `NaN` and `null` differ). Cheaper than serialising the value.
 */
export function matchesSnapshot(value: unknown, snapshot: unknown): boolean {
  if (Object.is(value, snapshot)) return !Array.isArray(value) && !isPlainObject(value)
  if (Array.isArray(value)) {
    if (!Array.isArray(snapshot) || snapshot.length !== value.length) return false
    for (let index = 0; index < value.length; index += 1) if (!matchesSnapshot(value[index], snapshot[index])) return false
    return true
  }
  if (isPlainObject(value) && isPlainObject(snapshot)) {
    const keys = Object.keys(value)
    if (keys.length !== Object.keys(snapshot).length) return false
    for (const key of keys) {
      if (!Object.hasOwn(snapshot, key) || !matchesSnapshot(value[key], snapshot[key])) return false
    }
    return true
  }
  return false
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
