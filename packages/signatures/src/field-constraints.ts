import type { TypeNode } from '@dspex/types'
import { pythonFloatRepr, pythonScalarRepr } from '@dspex/types/internal'

/**
 * Numeric and length constraints on a field, as pydantic's `Field(ge=..., max_length=...)` takes
 * them. DSPy shows them to the model as a `Constraints:` line; their order is kept.
 */
export interface FieldConstraints {
  readonly gt?: number
  readonly ge?: number
  readonly lt?: number
  readonly le?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly multipleOf?: number
  readonly allowInfNan?: boolean
}

const constraintWording: Readonly<Record<keyof FieldConstraints, string>> = {
  gt: 'greater than: ',
  ge: 'greater than or equal to: ',
  lt: 'less than: ',
  le: 'less than or equal to: ',
  minLength: 'minimum length: ',
  maxLength: 'maximum length: ',
  multipleOf: 'a multiple of the given number: ',
  allowInfNan: "allow 'inf', '-inf', 'nan' values: ",
}

/** True when `key` names a field constraint. */
export function isConstraintKey(key: string): key is keyof FieldConstraints {
  return Object.hasOwn(constraintWording, key)
}

/**
 * DSPy's constraint sentence for a field (`greater than or equal to: 0.0, less than or equal to: 1.0`),
 * in the order the constraints were given; `undefined` when there are none. Bounds on a `float`
 * field print as Python floats.
 */
export function describeConstraints(constraints: FieldConstraints, type: TypeNode): string | undefined {
  const parts: string[] = []
  for (const [key, value] of Object.entries(constraints)) {
    if (value === undefined || !isConstraintKey(key)) continue
    const isBound = key === 'gt' || key === 'ge' || key === 'lt' || key === 'le' || key === 'multipleOf'
    const text = typeof value === 'number' && isBound && type.kind === 'float' ? pythonFloatRepr(value) : pythonScalarRepr(value)
    parts.push(`${constraintWording[key]}${text}`)
  }
  return parts.length === 0 ? undefined : parts.join(', ')
}
