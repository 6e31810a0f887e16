import type { Signature } from '@dspex/signatures'
import type { FieldValues } from './adapter-model.js'

/** True when a demo or turn holds a value for `name` (a key set to `undefined` counts as absent). */
export function hasValue(values: FieldValues, name: string): boolean {
  return Object.hasOwn(values, name) && values[name] !== undefined
}

/**
 * How DSPy shows a demo: `incomplete` (some field missing or `null`, but at least one input and one
 * output present) demos come first, then `complete` ones (every field of the signature, a History
 * input included, present and not `null`); each group keeps its order. Any other demo is dropped
 * (`undefined`).
 *
 * @see dspy.Adapter.format_demos
 */
export function demoKind(signature: Signature<object, object>, demo: FieldValues): 'complete' | 'incomplete' | undefined {
  if (signature.fields.every((field) => hasValue(demo, field.name) && demo[field.name] !== null)) return 'complete'
  if (signature.inputFields.some((field) => hasValue(demo, field.name)) && signature.outputFields.some((field) => hasValue(demo, field.name))) {
    return 'incomplete'
  }
  return undefined
}
