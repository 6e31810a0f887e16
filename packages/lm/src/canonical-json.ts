/**
 * JSON text of `value` with the keys of every object sorted, written compactly: the form cache keys
 * are hashed from (DSPy hashes orjson's `OPT_SORT_KEYS` output).
 *
 * Follows `JSON.stringify` for everything else: `undefined`, functions and symbols are left out of
 * objects and become `null` in arrays, non-finite numbers become `null`, `toJSON` is honoured.
 *
 * @throws TypeError for a bigint or a cycle, which no JSON can hold.
 * @example
 * ```ts
 * canonicalJSON({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJSON(value: unknown): string {
  const text = write(value, new Set())
  return text ?? 'null'
}

function write(value: unknown, ancestors: Set<object>): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      throw new TypeError('canonicalJSON: a bigint cannot be written as JSON')
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
  }
  const object = value as object
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return write((object as { toJSON: () => unknown }).toJSON(), ancestors)
  }
  if (ancestors.has(object)) throw new TypeError('canonicalJSON: the value contains a cycle')
  ancestors.add(object)
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => write(item, ancestors) ?? 'null').join(',')}]`
    }
    const record = object as Record<string, unknown>
    const parts: string[] = []
    for (const key of Object.keys(record).sort()) {
      const text = write(record[key], ancestors)
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`)
    }
    return `{${parts.join(',')}}`
  } finally {
    ancestors.delete(object)
  }
}
