import { maxNestingDepth, tooDeepToWrite } from './nesting-depth.js'
import { pythonFloatRepr, pythonIntRepr, pythonStringRepr } from './python-repr.js'
import { selectUnionOption } from './select-union-option.js'
import type { TypeNode } from './type-node.js'

/** A value that knows its own Python `repr()` (every DSPex special type value does). */
export interface PythonRepresentable {
  /** The text Python's `repr()` gives for the equivalent DSPy object. */
  repr(): string
}

/**
 * Python's `repr()` of a value as Python would hold it: `None`, `True`, quoted strings,
 * `[1, 'a']`, `{'k': 1}`, `{1, 2}`/`set()` for sets, `<function name>`, and a nested value's own
 * `repr()` when it has one (special type values). JavaScript holds `1.0` as `1`, so `node` (the
 * value's type) says which numbers are floats; without it, integral numbers print as ints.
 *
 * @throws {ValueSerializationError} (code `value-serialization-too-deep`) for a value nested more than 1,000
 *   levels deep (counting those inside special-type values' own `repr()`) or one that contains itself, where
 *   Python's `repr` stops with a `RecursionError`.
 */
export function pythonValueRepr(value: unknown, node?: TypeNode): string {
  if (typeof value !== 'object' || value === null) return scalarRepr(value, node)
  if (openContainers >= maxNestingDepth) throw tooDeepToWrite('')
  openContainers += 1
  try {
    return containerRepr(value, node?.kind === 'union' ? selectUnionOption(node.options, value) : node)
  } finally {
    openContainers -= 1
  }
}

/** How many containers the `repr` running now is inside, a nested value's own `repr()` included. */
let openContainers = 0

function scalarRepr(value: unknown, node: TypeNode | undefined): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'string') return pythonStringRepr(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    const resolved = node?.kind === 'union' ? selectUnionOption(node.options, value) : node
    return resolved?.kind === 'float' || !Number.isInteger(value) ? pythonFloatRepr(value) : pythonIntRepr(value)
  }
  if (typeof value === 'function') return `<function ${value.name === '' ? '<lambda>' : value.name}>`
  return String(value)
}

function containerRepr(value: object, resolved: TypeNode | undefined): string {
  if (Array.isArray(value)) return `[${value.map((item, index) => pythonValueRepr(item, itemNode(resolved, index))).join(', ')}]`
  if (value instanceof Set) {
    return value.size === 0 ? 'set()' : `{${[...value].map((item) => pythonValueRepr(item, itemNode(resolved, 0))).join(', ')}}`
  }
  if (typeof (value as Partial<PythonRepresentable>).repr === 'function') return (value as PythonRepresentable).repr()
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record)) {
    const item = record[key]
    if (item !== undefined) parts.push(`${pythonStringRepr(key)}: ${pythonValueRepr(item, entryNode(resolved, key))}`)
  }
  return `{${parts.join(', ')}}`
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
