import type { SignatureField } from '@dspex/signatures'
import type { TypeNode } from '@dspex/types'
import { pythonStr, specialTypeDescription, typeNodePromptJSONSchemaText } from '@dspex/types/internal'

/**
 * The note DSPy adds to an output field's placeholder in the prompt structure, after
 * `# note: the value you produce `; `undefined` for inputs, `str` and `Reasoning` outputs, and
 * `Code` (which describes itself in the field list).
 *
 * | output type | note |
 * |---|---|
 * | `bool` | `must be True or False` |
 * | `int`, `float` | `must be a single int value` / `must be a single float value` |
 * | an enum | `must be one of: ` + the member values joined by `; ` |
 * | a `Literal` | `must exactly match (no extra characters) one of: ` + the values joined by `; ` |
 * | anything else | `must adhere to the JSON schema: ` + the schema as DSPy prints it |
 *
 * @see dspy.adapters.utils.translate_field_type
 */
export function outputValueNote(field: SignatureField): string | undefined {
  if (field.direction === 'input') return undefined
  return typeNote(field.type)
}

function typeNote(node: TypeNode): string | undefined {
  switch (node.kind) {
    case 'str':
      return undefined
    case 'bool':
      return 'must be True or False'
    case 'int':
      return 'must be a single int value'
    case 'float':
      return 'must be a single float value'
    case 'enum':
      return `must be one of: ${node.members.map((member) => pythonStr(member.value)).join('; ')}`
    case 'literal':
      return `must exactly match (no extra characters) one of: ${node.values.map((value) => pythonStr(value)).join('; ')}`
    case 'special':
      if (node.name === 'Reasoning') return undefined
      if (node.name === 'Code' && specialTypeDescription(node) !== '') return undefined
      return `must adhere to the JSON schema: ${typeNodePromptJSONSchemaText(node)}`
    default:
      return `must adhere to the JSON schema: ${typeNodePromptJSONSchemaText(node)}`
  }
}

/**
 * A field's placeholder in the system message's structure block: `{name}`, followed for outputs by
 * eight spaces and `# note: the value you produce ...` (see {@link outputValueNote}).
 *
 * @example
 * ```ts
 * translateFieldType(Signature.parse('q -> n: int').field('n')) // '{n}        # note: the value you produce must be a single int value'
 * ```
 * @see dspy.adapters.utils.translate_field_type
 */
export function translateFieldType(field: SignatureField): string {
  const note = outputValueNote(field)
  return note === undefined ? `{${field.name}}` : `{${field.name}}        # note: the value you produce ${note}`
}

/**
 * What the output-requirements sentence says after a field's name: the JSON shape for `ToolCalls`,
 * `(must be formatted as a valid Python <type>)` for any type but `str`, nothing for `str`.
 *
 * @see dspy.adapters.chat_adapter.ChatAdapter.user_message_output_requirements
 */
export function outputTypeHint(field: SignatureField): string {
  if (field.type.kind === 'special' && field.type.name === 'ToolCalls') {
    return ' (must be a JSON object like {"tool_calls": [{"name": "...", "args": {...}}]})'
  }
  return field.type.kind === 'str' ? '' : ` (must be formatted as a valid Python ${field.typeName})`
}
