import type { Signature } from '@dspex/signatures'
import type { FieldValues } from './adapter-model.js'

/** True when a demo or turn holds a value for `name` (a key set to `undefined` counts as absent). */
export function hasValue(values: FieldValues, name: string): boolean {
  return Object.hasOwn(values, name) && values[name] !== undefined
}

/**
 * Demos split as DSPy shows them: `incomplete` ones (some field missing or `null`, but at least one
 * input and one output present) come first, then `complete` ones (every field of the signature,
 * a History input included, present and not `null`); each group keeps its order and other demos
 * are dropped.
 *
 * @see dspy.Adapter.format_demos
 */
export function groupDemos(
  signature: Signature<object, object>,
  demos: readonly FieldValues[],
): { readonly complete: FieldValues[]; readonly incomplete: FieldValues[] } {
  const complete: FieldValues[] = []
  const incomplete: FieldValues[] = []
  for (const demo of demos) {
    if (signature.fields.every((field) => hasValue(demo, field.name) && demo[field.name] !== null)) complete.push(demo)
    else if (
      signature.inputFields.some((field) => hasValue(demo, field.name)) &&
      signature.outputFields.some((field) => hasValue(demo, field.name))
    ) {
      incomplete.push(demo)
    }
  }
  return { complete, incomplete }
}
