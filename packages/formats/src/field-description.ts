import type { SignatureField } from '@dspex/signatures'
import type { SpecialNode, TypeNode } from '@dspex/types'
import { specialTypeDescription, typeNodeName } from '@dspex/types/internal'
import { pythonStrip } from './python-strip.js'

/**
 * DSPy's numbered list of fields for the system message, one entry per field:
 * ``1. `name` (type): description``, then a `Type description of ...` line for each special type in
 * the field's type that describes itself, then `Constraints: ...` when the field has constraints.
 * The default description (`${name}`) shows as nothing, which leaves a trailing space; the block is
 * stripped as a whole, so only the last entry loses it.
 *
 * @example
 * ```ts
 * fieldDescriptionList(Signature.parse('question, k: int -> answer').inputFields)
 * // '1. `question` (str): \n2. `k` (int):'
 * ```
 * @see dspy.adapters.utils.get_field_description_string
 */
export function fieldDescriptionList(fields: readonly SignatureField[]): string {
  const entries = fields.map((field, index) => {
    let description = field.desc === `\${${field.name}}` ? '' : field.desc
    for (const special of specialTypesIn(field.type)) {
      const text = specialTypeDescription(special)
      if (text.length > 0) description += `\n    Type description of ${typeNodeName(special)}: ${text}`
    }
    const constraints = field.constraintsText ? `\nConstraints: ${field.constraintsText}` : ''
    return `${index + 1}. \`${field.name}\` (${field.typeName}): ${description}${constraints}`
  })
  return pythonStrip(entries.join('\n'))
}

/**
 * The special types a field type holds, in order, repeats included: the type itself, or those found
 * in its generic arguments (list items, dict keys and values, tuple items, union options). Model
 * fields are not searched, as in DSPy.
 *
 * @see dspy.Type.extract_custom_type_from_annotation
 */
export function specialTypesIn(node: TypeNode): SpecialNode[] {
  switch (node.kind) {
    case 'special':
      return node.name === 'History' ? [] : [node]
    case 'list':
      return specialTypesIn(node.items)
    case 'dict':
      return [...specialTypesIn(node.keys), ...specialTypesIn(node.values)]
    case 'tuple':
      return node.items.flatMap(specialTypesIn)
    case 'union':
      return node.options.flatMap(specialTypesIn)
    default:
      return []
  }
}
