import type { SignatureField } from '@dspex/signatures'
import type { TypeNode } from '@dspex/types'
import { pythonValueRepr, typeNodeName } from '@dspex/types/internal'

/**
 * What Python prints for a signature field's pydantic `FieldInfo` (the XMLAdapter puts it in its
 * field errors): `annotation=float required=True json_schema_extra={'__dspy_field_type': 'output',
 * 'prefix': 'Confidence:', 'desc': '${confidence}'}`, with `default=...` for an optional field. The
 * DSPy keys come in the order DSPy stores them: the desc and prefix the field was declared with,
 * the field kind, the constraint sentence, then the inferred prefix and default desc.
 */
export function fieldInfoRepr(field: SignatureField): string {
  const extra: [string, unknown][] = []
  const declared = new Set<string>()
  for (const key of Object.keys(field.options)) {
    if ((key === 'desc' || key === 'prefix') && field.options[key] !== undefined) {
      extra.push([key, key === 'desc' ? field.desc : field.prefix])
      declared.add(key)
    }
  }
  extra.push(['__dspy_field_type', field.direction])
  if (field.constraintsText) extra.push(['constraints', field.constraintsText])
  if (!declared.has('prefix')) extra.push(['prefix', field.prefix])
  if (!declared.has('desc')) extra.push(['desc', field.desc])
  const extraText = extra.map(([key, value]) => `${pythonValueRepr(key)}: ${pythonValueRepr(value)}`).join(', ')
  const defaultText = field.hasDefault ? ` default=${pythonValueRepr(field.defaultValue, field.type)}` : ''
  return `annotation=${displayAsType(field.type)} required=${field.required ? 'True' : 'False'}${defaultText} json_schema_extra={${extraText}}`
}

/** pydantic's `display_as_type`: unions as `Union[...]` however they were written, literals by `repr`. */
function displayAsType(node: TypeNode): string {
  switch (node.kind) {
    case 'union':
      return `Union[${node.options.map(displayAsType).join(', ')}]`
    case 'literal':
      return `Literal[${node.values.map((value) => pythonValueRepr(value)).join(', ')}]`
    case 'list':
      return `${node.unique ? 'set' : 'list'}[${displayAsType(node.items)}]`
    case 'tuple':
      return `tuple[${node.items.map(displayAsType).join(', ')}]`
    case 'dict':
      return `dict[${displayAsType(node.keys)}, ${displayAsType(node.values)}]`
    default:
      return typeNodeName(node)
  }
}
