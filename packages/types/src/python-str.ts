import { pythonFloatRepr, pythonIntRepr, pythonStringRepr } from './python-repr.js'
import { selectUnionOption } from './select-union-option.js'
import type { TypeNode } from './type-node.js'

/**
 * Python's `str()` of a JSON-able value, as DSPy prints a field value after pydantic's
 * `dump_python(value, mode="json")`: a string raw and unquoted, `True`/`False`, `None` for
 * `null`/`undefined`, ints as digits, floats as Python prints them (`0.5`, `1e-05`, `inf`).
 *
 * JavaScript holds `1.0` as `1`, so `node` (the field's type) says which numbers are floats: an
 * integral number prints as `1.0` where the type is `float` (also inside an `Optional[float]` or
 * a `list[float]`). Lists and objects print as Python's `repr` of a list or dict
 * (`['a', 1.0, None]`, `{'k': True}`); DSPy's prompts print those with `json.dumps` instead
 * (see `pythonJsonDumps`).
 *
 * @example
 * ```ts
 * pythonStr(true) // 'True'
 * pythonStr(1, { kind: 'float' }) // '1.0'
 * pythonStr(0.00001) // '1e-05'
 * ```
 * @see Python's `str()`
 */
export function pythonStr(value: unknown, node?: TypeNode): string {
  if (typeof value === 'string') return value
  return pythonRepr(value, node)
}

function pythonRepr(value: unknown, node: TypeNode | undefined): string {
  const resolved = node?.kind === 'union' ? selectUnionOption(node.options, value) : node
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'string') return pythonStringRepr(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    return resolved?.kind === 'float' || !Number.isInteger(value) ? pythonFloatRepr(value) : pythonIntRepr(value)
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => pythonRepr(item, itemNode(resolved, index)))
    return `[${items.join(', ')}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined)
    const parts = entries.map(
      ([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item, entryNode(resolved, key))}`,
    )
    return `{${parts.join(', ')}}`
  }
  return String(value)
}

function itemNode(node: TypeNode | undefined, index: number): TypeNode | undefined {
  if (node?.kind === 'list') return node.items
  if (node?.kind === 'tuple') return node.items[index]
  return undefined
}

function entryNode(node: TypeNode | undefined, key: string): TypeNode | undefined {
  if (node?.kind === 'dict') return node.values
  if (node?.kind === 'model') return node.fields.find((field) => field.name === key)?.type
  return undefined
}
