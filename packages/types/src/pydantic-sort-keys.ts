import { compareCodePoints } from './compare-code-points.js'

const unsortedParents: ReadonlySet<string> = new Set(['properties', 'default'])

/**
 * Orders the keys of a JSON Schema the way pydantic does before returning it: every object's keys
 * alphabetically, recursively, except the direct keys of an object found under a `properties` or
 * `default` key, which keep their order (field declaration order, the default's own order). A list
 * hands its parent's key down to its items. Returns a new value; the input is not changed.
 *
 * @see pydantic.json_schema.GenerateJsonSchema.sort
 */
export function sortPydanticKeys<Value>(value: Value): Value {
  return sortValue(value, undefined) as Value
}

function sortValue(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => sortValue(item, parentKey))
  if (typeof value !== 'object' || value === null) return value
  const keys = Object.keys(value)
  if (parentKey === undefined || !unsortedParents.has(parentKey)) keys.sort(compareCodePoints)
  const sorted: Record<string, unknown> = {}
  for (const key of keys) sorted[key] = sortValue((value as Record<string, unknown>)[key], key)
  return sorted
}
