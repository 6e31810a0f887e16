import type { TSchema } from 'typebox'
import { describeType } from './describe-type.js'
import { pythonScalarRepr } from './python-repr.js'
import type { TypeNode } from './type-node.js'

const names = new WeakMap<TypeNode, string>()

/**
 * The name DSPy prints for a type in prompts (`get_annotation_name`): `str`, `int`, `list[str]`,
 * `dict[str, Any]`, `Literal['a', 'b']`, `Union[int, NoneType]`, a model or enum class name.
 *
 * @see dspy.adapters.utils.get_annotation_name
 */
export function pythonTypeName(schema: TSchema): string {
  return typeNodeName(describeType(schema))
}

/** {@link pythonTypeName} for an already described type. Cached per node. */
export function typeNodeName(node: TypeNode): string {
  const cached = names.get(node)
  if (cached !== undefined) return cached
  const name = computeName(node)
  names.set(node, name)
  return name
}

function computeName(node: TypeNode): string {
  switch (node.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return node.kind
    case 'none':
      return 'NoneType'
    case 'any':
      return 'Any'
    case 'literal':
      return `Literal[${node.values.map((value) => pythonScalarRepr(value)).join(', ')}]`
    case 'enum':
      return node.name
    case 'list':
      return `${node.unique ? 'set' : 'list'}[${typeNodeName(node.items)}]`
    case 'tuple':
      return `tuple[${node.items.map(typeNodeName).join(', ')}]`
    case 'dict':
      return `dict[${typeNodeName(node.keys)}, ${typeNodeName(node.values)}]`
    case 'union':
      return `${node.syntax === 'pep604' ? 'UnionType' : 'Union'}[${node.options.map(typeNodeName).join(', ')}]`
    case 'model':
      return node.name ?? 'dict'
    case 'special':
      // DSPy names `Code["java"]` after the subclass it creates: `Code_java`.
      if (node.name === 'Code' && node.language !== undefined) return `Code_${node.language}`
      return node.name === 'Reasoning' ? 'str' : node.name
  }
}
