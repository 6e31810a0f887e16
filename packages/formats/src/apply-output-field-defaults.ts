import type { Signature } from '@dspex/signatures'
import type { TypeNode } from '@dspex/types'

/**
 * The parsed fields completed and put in signature order: a missing output field with a declared
 * default takes (a copy of) it, a missing field whose type admits `None` takes `null`, and any
 * other missing field stays missing (the caller reports it). Keys that are not output fields are dropped.
 *
 * @see dspy.adapters.utils.apply_output_field_defaults
 */
export function applyOutputFieldDefaults(signature: Signature<object, object>, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const completed: Record<string, unknown> = {}
  for (const field of signature.outputFields) {
    if (Object.hasOwn(fields, field.name)) completed[field.name] = fields[field.name]
    else if (field.hasDefault) completed[field.name] = copyDefault(field.defaultValue)
    else if (allowsNone(field.type)) completed[field.name] = null
  }
  return completed
}

/** True when the type admits `None`: `None` itself or a union with a `None` option, at any depth. */
export function allowsNone(node: TypeNode): boolean {
  if (node.kind === 'none') return true
  return node.kind === 'union' && node.options.some(allowsNone)
}

/** pydantic hands out a deep copy of a mutable default. */
function copyDefault(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  try {
    return structuredClone(value)
  } catch {
    return value
  }
}
